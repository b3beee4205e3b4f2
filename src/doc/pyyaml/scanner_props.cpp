// The Scanner's directives, anchors, aliases and tags (scanner.py).
#include "scanner.hpp"

#include "skillscore/util/utf8.hpp"

namespace skillscore::doc::pyyaml {

Token Scanner::scan_directive() {
  Token t;
  t.type = Tok::Directive;
  t.start = r_.mark();
  r_.forward();
  t.value = scan_directive_name(t.start);
  if (t.value == "YAML") {
    while (r_.peek() == ' ') r_.forward();
    t.major = scan_yaml_directive_number(t.start);
    if (r_.peek() != '.') error("expected a digit or '.', but found " + char_repr(r_.peek()));
    r_.forward();
    t.minor = scan_yaml_directive_number(t.start);
    if (!is_space_or_end(r_.peek())) error("expected a digit or ' ', but found " + char_repr(r_.peek()));
  } else if (t.value == "TAG") {
    while (r_.peek() == ' ') r_.forward();
    t.handle = scan_tag_handle("directive", t.start);
    if (r_.peek() != ' ') error("expected ' ', but found " + char_repr(r_.peek()));
    while (r_.peek() == ' ') r_.forward();
    t.tag_prefix = scan_tag_uri("directive", t.start);
    if (!is_space_or_end(r_.peek())) error("expected ' ', but found " + char_repr(r_.peek()));
  } else {
    while (!is_break_or_nul(r_.peek())) r_.forward();
  }
  t.end = r_.mark();
  scan_directive_ignored_line(t.start);
  return t;
}

std::string Scanner::scan_directive_name(const Mark&) {
  std::size_t length = 0;
  while (is_word_char(r_.peek(length))) ++length;
  if (!length) error("expected alphabetic or numeric character, but found " + char_repr(r_.peek(length)));
  std::string value;
  r_.append_prefix(value, length);
  r_.forward(length);
  if (!is_space_or_end(r_.peek())) error("expected alphabetic or numeric character, but found " + char_repr(r_.peek()));
  return value;
}

long Scanner::scan_yaml_directive_number(const Mark&) {
  if (!(r_.peek() >= '0' && r_.peek() <= '9')) error("expected a digit, but found " + char_repr(r_.peek()));
  long value = 0;
  std::size_t length = 0;
  while (r_.peek(length) >= '0' && r_.peek(length) <= '9') {
    if (value < 100000000) value = value * 10 + static_cast<long>(r_.peek(length) - '0');
    ++length;
  }
  r_.forward(length);
  return value;
}

void Scanner::scan_directive_ignored_line(const Mark&) {
  while (r_.peek() == ' ') r_.forward();
  if (r_.peek() == '#') {
    while (!is_break_or_nul(r_.peek())) r_.forward();
  }
  if (!is_break_or_nul(r_.peek())) error("expected a comment or a line break, but found " + char_repr(r_.peek()));
  scan_line_break();
}

Token Scanner::scan_anchor(Tok type) {
  Token t;
  t.type = type;
  t.start = r_.mark();
  r_.forward();
  std::size_t length = 0;
  while (is_word_char(r_.peek(length))) ++length;
  if (!length) error("expected alphabetic or numeric character, but found " + char_repr(r_.peek(length)));
  r_.append_prefix(t.value, length);
  r_.forward(length);
  static constexpr std::u32string_view k_after = U"?:,]}%@`";
  const char32_t ch = r_.peek();
  if (!is_blank_or_end(ch) && k_after.find(ch) == std::u32string_view::npos) {
    error("expected alphabetic or numeric character, but found " + char_repr(ch));
  }
  t.end = r_.mark();
  return t;
}

Token Scanner::scan_tag() {
  Token t;
  t.type = Tok::Tag;
  t.start = r_.mark();
  char32_t ch = r_.peek(1);
  if (ch == '<') {
    r_.forward(2);
    t.value = scan_tag_uri("tag", t.start);
    if (r_.peek() != '>') error("expected '>', but found " + char_repr(r_.peek()));
    r_.forward();
  } else if (is_blank_or_end(ch)) {
    t.value = "!";
    r_.forward();
  } else {
    std::size_t length = 1;
    bool use_handle = false;
    while (!is_space_or_end(ch)) {
      if (ch == '!') {
        use_handle = true;
        break;
      }
      ++length;
      ch = r_.peek(length);
    }
    t.has_handle = true;
    if (use_handle) {
      t.handle = scan_tag_handle("tag", t.start);
    } else {
      t.handle = "!";
      r_.forward();
    }
    t.value = scan_tag_uri("tag", t.start);
  }
  if (!is_space_or_end(r_.peek())) error("expected ' ', but found " + char_repr(r_.peek()));
  t.end = r_.mark();
  return t;
}

std::string Scanner::scan_tag_handle(const char*, const Mark&) {
  char32_t ch = r_.peek();
  if (ch != '!') error("expected '!', but found " + char_repr(ch));
  std::size_t length = 1;
  ch = r_.peek(length);
  if (ch != ' ') {
    while (is_word_char(ch)) {
      ++length;
      ch = r_.peek(length);
    }
    if (ch != '!') {
      r_.forward(length);
      error("expected '!', but found " + char_repr(ch));
    }
    ++length;
  }
  std::string value;
  r_.append_prefix(value, length);
  r_.forward(length);
  return value;
}

std::string Scanner::scan_tag_uri(const char* name, const Mark& start) {
  static constexpr std::u32string_view k_uri = U"-;/?:@&=+$,_.!~*'()[]%";
  std::string chunks;
  bool any = false;
  std::size_t length = 0;
  char32_t ch = r_.peek(length);
  while ((ch >= '0' && ch <= '9') || (ch >= 'A' && ch <= 'Z') || (ch >= 'a' && ch <= 'z') ||
         k_uri.find(ch) != std::u32string_view::npos) {
    if (ch == '%') {
      r_.append_prefix(chunks, length);
      r_.forward(length);
      length = 0;
      chunks += scan_uri_escapes(name, start);
      any = true;
    } else {
      ++length;
    }
    ch = r_.peek(length);
  }
  if (length) {
    r_.append_prefix(chunks, length);
    r_.forward(length);
    any = true;
  }
  if (!any) error("expected URI, but found " + char_repr(ch));
  return chunks;
}

std::string Scanner::scan_uri_escapes(const char*, const Mark&) {
  std::string bytes;
  const Mark mark = r_.mark();
  while (r_.peek() == '%') {
    r_.forward();
    for (std::size_t k = 0; k < 2; ++k) {
      if (!is_hex(r_.peek(k))) {
        error("expected URI escape sequence of 2 hexadecimal numbers, but found " + char_repr(r_.peek(k)));
      }
    }
    auto hex = [](char32_t c) { return c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10; };
    bytes += static_cast<char>(hex(r_.peek()) * 16 + hex(r_.peek(1)));
    r_.forward(2);
  }
  if (util::find_invalid_utf8(bytes)) {
    fail(FailureKind::YamlError, "'utf-8' codec can't decode the URI escapes", &mark);
  }
  return bytes;
}

}  // namespace skillscore::doc::pyyaml
