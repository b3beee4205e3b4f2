// The Scanner's scalars: block (| >), flow (' "), plain (scanner.py).
#include <cstdio>

#include "scanner.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::doc::pyyaml {

Token Scanner::scan_block_scalar(char style) {
  const bool folded = style == '>';
  std::string chunks;
  Token t;
  t.type = Tok::Scalar;
  t.style = style;
  t.start = r_.mark();
  r_.forward();
  // Indicators: chomping (+ keep, - strip) and an indentation increment 1-9, in either order.
  int chomping = 0;  // 0 clip, 1 keep, -1 strip
  int increment = 0;
  auto read_chomping = [&] {
    const char32_t c = r_.peek();
    if (c != '+' && c != '-') return false;
    chomping = c == '+' ? 1 : -1;
    r_.forward();
    return true;
  };
  auto read_increment = [&] {
    const char32_t c = r_.peek();
    if (c < '0' || c > '9') return false;
    increment = static_cast<int>(c - '0');
    if (increment == 0) error("expected indentation indicator in the range 1-9, but found 0");
    r_.forward();
    return true;
  };
  if (read_chomping()) read_increment();
  else if (read_increment()) read_chomping();
  if (!is_space_or_end(r_.peek())) {
    error("expected chomping or indentation indicators, but found " + char_repr(r_.peek()));
  }
  // The rest of the indicator line: spaces and a comment.
  while (r_.peek() == ' ') r_.forward();
  if (r_.peek() == '#') {
    while (!is_break_or_nul(r_.peek())) r_.forward();
  }
  if (!is_break_or_nul(r_.peek())) error("expected a comment or a line break, but found " + char_repr(r_.peek()));
  scan_line_break();

  const long min_indent = std::max(indent_ + 1, 1L);
  long indent = 0;
  std::string breaks;
  auto scan_breaks = [&](long ind) {
    breaks.clear();
    t.end = r_.mark();
    while (static_cast<long>(r_.column()) < ind && r_.peek() == ' ') r_.forward();
    while (is_break(r_.peek())) {
      breaks += scan_line_break();
      t.end = r_.mark();
      while (static_cast<long>(r_.column()) < ind && r_.peek() == ' ') r_.forward();
    }
  };
  if (increment == 0) {
    // scan_block_scalar_indentation: the deepest indentation of the leading blank lines.
    long max_indent = 0;
    t.end = r_.mark();
    while (r_.peek() == ' ' || is_break(r_.peek())) {
      if (r_.peek() != ' ') {
        breaks += scan_line_break();
        t.end = r_.mark();
      } else {
        r_.forward();
        max_indent = std::max(max_indent, static_cast<long>(r_.column()));
      }
    }
    indent = std::max(min_indent, max_indent);
  } else {
    indent = min_indent + increment - 1;
    scan_breaks(indent);
  }
  std::string line_break;
  while (static_cast<long>(r_.column()) == indent && r_.peek() != 0) {
    chunks += breaks;
    const bool leading_non_space = r_.peek() != ' ' && r_.peek() != '\t';
    std::size_t length = 0;
    while (!is_break_or_nul(r_.peek(length))) ++length;
    r_.append_prefix(chunks, length);
    r_.forward(length);
    line_break = scan_line_break();
    scan_breaks(indent);
    if (static_cast<long>(r_.column()) == indent && r_.peek() != 0) {
      if (folded && line_break == "\n" && leading_non_space && r_.peek() != ' ' && r_.peek() != '\t') {
        if (breaks.empty()) chunks += ' ';
      } else {
        chunks += line_break;
      }
    } else {
      break;
    }
  }
  if (chomping != -1) chunks += line_break;
  if (chomping == 1) chunks += breaks;
  t.value = std::move(chunks);
  return t;
}

Token Scanner::scan_flow_scalar(char style) {
  const bool dbl = style == '"';
  Token t;
  t.type = Tok::Scalar;
  t.style = style;
  t.start = r_.mark();
  const char32_t quote = r_.peek();
  r_.forward();
  scan_flow_scalar_non_spaces(dbl, t.start, t.value);
  while (r_.peek() != quote) {
    scan_flow_scalar_spaces(dbl, t.start, t.value);
    scan_flow_scalar_non_spaces(dbl, t.start, t.value);
  }
  r_.forward();
  t.end = r_.mark();
  return t;
}

namespace {

// ESCAPE_REPLACEMENTS; 0xFFFFFFFF for a character that is none.
char32_t escape_replacement(char32_t c) {
  switch (c) {
    case '0': return 0;
    case 'a': return 0x07;
    case 'b': return 0x08;
    case 't':
    case '\t': return 0x09;
    case 'n': return 0x0A;
    case 'v': return 0x0B;
    case 'f': return 0x0C;
    case 'r': return 0x0D;
    case 'e': return 0x1B;
    case ' ': return 0x20;
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'N': return 0x85;
    case '_': return 0xA0;
    case 'L': return 0x2028;
    case 'P': return 0x2029;
    default: return 0xFFFFFFFF;
  }
}

}  // namespace

void Scanner::scan_flow_scalar_non_spaces(bool dbl, const Mark&, std::string& out) {
  while (true) {
    std::size_t length = 0;
    while (true) {
      const char32_t c = r_.peek(length);
      if (c == '\'' || c == '"' || c == '\\' || is_blank_or_end(c)) break;
      ++length;
    }
    if (length) {
      r_.append_prefix(out, length);
      r_.forward(length);
    }
    const char32_t ch = r_.peek();
    if (!dbl && ch == '\'' && r_.peek(1) == '\'') {
      out += '\'';
      r_.forward(2);
    } else if ((dbl && ch == '\'') || (!dbl && (ch == '"' || ch == '\\'))) {
      out += static_cast<char>(ch);
      r_.forward();
    } else if (dbl && ch == '\\') {
      r_.forward();
      const char32_t e = r_.peek();
      const char32_t rep = escape_replacement(e);
      if (rep != 0xFFFFFFFF) {
        util::append_utf8(out, rep);
        r_.forward();
      } else if (e == 'x' || e == 'u' || e == 'U') {
        const std::size_t n = e == 'x' ? 2 : e == 'u' ? 4 : 8;
        r_.forward();
        std::uint64_t code = 0;
        for (std::size_t k = 0; k < n; ++k) {
          const char32_t h = r_.peek(k);
          if (!is_hex(h)) {
            error("expected escape sequence of " + std::to_string(n) + " hexadecimal numbers, but found " +
                  char_repr(h));
          }
          code = code * 16 + (h <= '9' ? h - '0' : (h | 0x20) - 'a' + 10);
        }
        if (code > 0x10FFFF) {
          // chr() raises ValueError: not a YAMLError, the reference itself fails.
          const Mark m = r_.mark();
          fail(FailureKind::Crash, "chr() arg not in range(0x110000) (escape \\U" + std::to_string(code) + ")", &m);
        }
        // A lone surrogate is a code point of a Python str: kept, 3-byte encoded.
        util::append_utf8(out, static_cast<char32_t>(code));
        r_.forward(n);
      } else if (is_break(e)) {
        scan_line_break();
        scan_flow_scalar_breaks(dbl, {}, out);
      } else {
        error("found unknown escape character " + char_repr(e));
      }
    } else {
      return;
    }
  }
}

void Scanner::scan_flow_scalar_spaces(bool dbl, const Mark&, std::string& out) {
  std::size_t length = 0;
  while (r_.peek(length) == ' ' || r_.peek(length) == '\t') ++length;
  std::string whitespaces;
  r_.append_prefix(whitespaces, length);
  r_.forward(length);
  const char32_t ch = r_.peek();
  if (ch == 0) {
    error("found unexpected end of stream");
  } else if (is_break(ch)) {
    const std::string line_break = scan_line_break();
    std::string breaks;
    scan_flow_scalar_breaks(dbl, {}, breaks);
    if (line_break != "\n") out += line_break;
    else if (breaks.empty()) out += ' ';
    out += breaks;
  } else {
    out += whitespaces;
  }
}

void Scanner::scan_flow_scalar_breaks(bool, const Mark&, std::string& out) {
  while (true) {
    if ((r_.prefix_is("---") || r_.prefix_is("...")) && is_blank_or_end(r_.peek(3))) {
      error("found unexpected document separator");
    }
    while (r_.peek() == ' ' || r_.peek() == '\t') r_.forward();
    if (!is_break(r_.peek())) return;
    out += scan_line_break();
  }
}

Token Scanner::scan_plain() {
  Token t;
  t.type = Tok::Scalar;
  t.plain = true;
  t.start = t.end = r_.mark();
  const long indent = indent_ + 1;
  std::string spaces;
  while (true) {
    if (r_.peek() == '#') break;
    std::size_t length = 0;
    while (true) {
      const char32_t ch = r_.peek(length);
      if (is_blank_or_end(ch)) break;
      if (ch == ':') {
        const char32_t next = r_.peek(length + 1);
        if (is_blank_or_end(next) ||
            (flow_level_ && (next == ',' || next == '[' || next == ']' || next == '{' || next == '}'))) {
          break;
        }
      }
      if (flow_level_ && (ch == ',' || ch == '?' || ch == '[' || ch == ']' || ch == '{' || ch == '}')) break;
      ++length;
    }
    if (length == 0) break;
    allow_simple_key_ = false;
    t.value += spaces;
    r_.append_prefix(t.value, length);
    r_.forward(length);
    t.end = r_.mark();
    spaces.clear();
    const bool more = scan_plain_spaces(spaces);
    if (!more || spaces.empty() || r_.peek() == '#' || (!flow_level_ && static_cast<long>(r_.column()) < indent)) {
      break;
    }
  }
  return t;
}

// scan_plain_spaces; false where PyYAML returns None (a document marker follows).
bool Scanner::scan_plain_spaces(std::string& chunks) {
  std::size_t length = 0;
  while (r_.peek(length) == ' ') ++length;
  std::string whitespaces;
  r_.append_prefix(whitespaces, length);
  r_.forward(length);
  const char32_t ch = r_.peek();
  auto at_marker = [&] { return (r_.prefix_is("---") || r_.prefix_is("...")) && is_blank_or_end(r_.peek(3)); };
  if (is_break(ch)) {
    const std::string line_break = scan_line_break();
    allow_simple_key_ = true;
    if (at_marker()) return false;
    std::string breaks;
    while (r_.peek() == ' ' || is_break(r_.peek())) {
      if (r_.peek() == ' ') {
        r_.forward();
      } else {
        breaks += scan_line_break();
        if (at_marker()) return false;
      }
    }
    if (line_break != "\n") chunks += line_break;
    else if (breaks.empty()) chunks += ' ';
    chunks += breaks;
  } else {
    chunks += whitespaces;
  }
  return true;
}

}  // namespace skillscore::doc::pyyaml
