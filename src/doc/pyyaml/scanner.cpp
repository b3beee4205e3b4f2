#include "scanner.hpp"

#include <algorithm>

#include "skillscore/util/utf8.hpp"

namespace skillscore::doc::pyyaml {

std::string_view token_id_repr(Tok t) {
  switch (t) {
    case Tok::StreamStart: return "'<stream start>'";
    case Tok::StreamEnd: return "'<stream end>'";
    case Tok::Directive: return "'<directive>'";
    case Tok::DocumentStart: return "'<document start>'";
    case Tok::DocumentEnd: return "'<document end>'";
    case Tok::BlockSequenceStart: return "'<block sequence start>'";
    case Tok::BlockMappingStart: return "'<block mapping start>'";
    case Tok::BlockEnd: return "'<block end>'";
    case Tok::FlowSequenceStart: return "\"'['\"";
    case Tok::FlowMappingStart: return "\"'{'\"";
    case Tok::FlowSequenceEnd: return "\"']'\"";
    case Tok::FlowMappingEnd: return "\"'}'\"";
    case Tok::Key: return "'?'";
    case Tok::Value: return "':'";
    case Tok::BlockEntry: return "'-'";
    case Tok::FlowEntry: return "','";
    case Tok::Alias: return "'<alias>'";
    case Tok::Anchor: return "'<anchor>'";
    case Tok::Tag: return "'<tag>'";
    case Tok::Scalar: return "'<scalar>'";
  }
  return "'?'";
}

Scanner::Scanner(Reader& reader) : r_(reader) {
  const Mark m = r_.mark();
  push(Tok::StreamStart, m, m);
}

void Scanner::error(const std::string& problem) const {
  const Mark m = r_.mark();
  fail(FailureKind::YamlError, problem, &m);
}

void Scanner::push(Tok t, Mark start, Mark end) {
  Token tok;
  tok.type = t;
  tok.start = start;
  tok.end = end;
  tokens_.push_back(std::move(tok));
}

void Scanner::ensure() {
  while (need_more_tokens()) fetch_more_tokens();
}

bool Scanner::check(Tok t) {
  ensure();
  return !tokens_.empty() && tokens_.front().type == t;
}

const Token& Scanner::peek() {
  ensure();
  return tokens_.front();  // the stream always ends with StreamEnd, which the parser never passes
}

Token Scanner::get() {
  ensure();
  ++tokens_taken_;
  Token t = std::move(tokens_.front());
  tokens_.pop_front();
  return t;
}

bool Scanner::need_more_tokens() {
  if (done_) return false;
  if (tokens_.empty()) return true;
  stale_possible_simple_keys();
  return !possible_simple_keys_.empty() && next_possible_simple_key() == tokens_taken_;
}

std::size_t Scanner::next_possible_simple_key() const {
  std::size_t best = static_cast<std::size_t>(-1);
  for (const auto& [level, key] : possible_simple_keys_) best = std::min(best, key.token_number);
  return best;
}

void Scanner::stale_possible_simple_keys() {
  for (auto it = possible_simple_keys_.begin(); it != possible_simple_keys_.end();) {
    const SimpleKey& key = it->second;
    if (key.line != r_.line() || r_.index() - key.index > 1024) {
      if (key.required) error("could not find expected ':'");
      it = possible_simple_keys_.erase(it);
    } else {
      ++it;
    }
  }
}

void Scanner::save_possible_simple_key() {
  const bool required = flow_level_ == 0 && indent_ == static_cast<long>(r_.column());
  if (allow_simple_key_) {
    remove_possible_simple_key();
    possible_simple_keys_[flow_level_] =
        SimpleKey{tokens_taken_ + tokens_.size(), required, r_.index(), r_.line(), r_.column(), r_.mark()};
  }
}

void Scanner::remove_possible_simple_key() {
  auto it = possible_simple_keys_.find(flow_level_);
  if (it == possible_simple_keys_.end()) return;
  if (it->second.required) error("could not find expected ':'");
  possible_simple_keys_.erase(it);
}

void Scanner::unwind_indent(long column) {
  if (flow_level_) return;
  while (indent_ > column) {
    const Mark m = r_.mark();
    indent_ = indents_.back();
    indents_.pop_back();
    push(Tok::BlockEnd, m, m);
  }
}

bool Scanner::add_indent(long column) {
  if (indent_ < column) {
    indents_.push_back(indent_);
    indent_ = column;
    return true;
  }
  return false;
}

void Scanner::fetch_more_tokens() {
  scan_to_next_token();
  stale_possible_simple_keys();
  unwind_indent(r_.column());
  const char32_t ch = r_.peek();
  if (ch == 0) return fetch_stream_end();
  if (ch == '%' && r_.column() == 0) return fetch_directive();
  if (ch == '-' && check_document_indicator('-')) return fetch_document_indicator(Tok::DocumentStart);
  if (ch == '.' && check_document_indicator('.')) return fetch_document_indicator(Tok::DocumentEnd);
  if (ch == '[') return fetch_flow_collection_start(Tok::FlowSequenceStart);
  if (ch == '{') return fetch_flow_collection_start(Tok::FlowMappingStart);
  if (ch == ']') return fetch_flow_collection_end(Tok::FlowSequenceEnd);
  if (ch == '}') return fetch_flow_collection_end(Tok::FlowMappingEnd);
  if (ch == ',') return fetch_flow_entry();
  if (ch == '-' && is_blank_or_end(r_.peek(1))) return fetch_block_entry();
  if (ch == '?' && (flow_level_ || is_blank_or_end(r_.peek(1)))) return fetch_key();
  if (ch == ':' && (flow_level_ || is_blank_or_end(r_.peek(1)))) return fetch_value();
  if (ch == '*') return fetch_anchor(Tok::Alias);
  if (ch == '&') return fetch_anchor(Tok::Anchor);
  if (ch == '!') return fetch_tag();
  if (ch == '|' && !flow_level_) return fetch_block_scalar('|');
  if (ch == '>' && !flow_level_) return fetch_block_scalar('>');
  if (ch == '\'') return fetch_flow_scalar('\'');
  if (ch == '"') return fetch_flow_scalar('"');
  if (check_plain()) return fetch_plain();
  error("found character " + char_repr(ch) + " that cannot start any token");
}

void Scanner::fetch_stream_end() {
  unwind_indent(-1);
  remove_possible_simple_key();
  allow_simple_key_ = false;
  possible_simple_keys_.clear();
  const Mark m = r_.mark();
  push(Tok::StreamEnd, m, m);
  done_ = true;
}

void Scanner::fetch_directive() {
  unwind_indent(-1);
  remove_possible_simple_key();
  allow_simple_key_ = false;
  tokens_.push_back(scan_directive());
}

void Scanner::fetch_document_indicator(Tok t) {
  unwind_indent(-1);
  remove_possible_simple_key();
  allow_simple_key_ = false;
  const Mark start = r_.mark();
  r_.forward(3);
  push(t, start, r_.mark());
}

void Scanner::fetch_flow_collection_start(Tok t) {
  save_possible_simple_key();
  ++flow_level_;
  allow_simple_key_ = true;
  const Mark start = r_.mark();
  r_.forward();
  push(t, start, r_.mark());
}

void Scanner::fetch_flow_collection_end(Tok t) {
  remove_possible_simple_key();
  --flow_level_;
  allow_simple_key_ = false;
  const Mark start = r_.mark();
  r_.forward();
  push(t, start, r_.mark());
}

void Scanner::fetch_flow_entry() {
  allow_simple_key_ = true;
  remove_possible_simple_key();
  const Mark start = r_.mark();
  r_.forward();
  push(Tok::FlowEntry, start, r_.mark());
}

void Scanner::fetch_block_entry() {
  if (!flow_level_) {
    if (!allow_simple_key_) error("sequence entries are not allowed here");
    if (add_indent(r_.column())) push(Tok::BlockSequenceStart, r_.mark(), r_.mark());
  }
  allow_simple_key_ = true;
  remove_possible_simple_key();
  const Mark start = r_.mark();
  r_.forward();
  push(Tok::BlockEntry, start, r_.mark());
}

void Scanner::fetch_key() {
  if (!flow_level_) {
    if (!allow_simple_key_) error("mapping keys are not allowed here");
    if (add_indent(r_.column())) push(Tok::BlockMappingStart, r_.mark(), r_.mark());
  }
  allow_simple_key_ = !flow_level_;
  remove_possible_simple_key();
  const Mark start = r_.mark();
  r_.forward();
  push(Tok::Key, start, r_.mark());
}

void Scanner::fetch_value() {
  auto it = possible_simple_keys_.find(flow_level_);
  if (it != possible_simple_keys_.end()) {
    const SimpleKey key = it->second;
    possible_simple_keys_.erase(it);
    Token k;
    k.type = Tok::Key;
    k.start = k.end = key.mark;
    const auto at = static_cast<std::ptrdiff_t>(key.token_number - tokens_taken_);
    tokens_.insert(tokens_.begin() + at, std::move(k));
    if (!flow_level_ && add_indent(key.column)) {
      Token b;
      b.type = Tok::BlockMappingStart;
      b.start = b.end = key.mark;
      tokens_.insert(tokens_.begin() + at, std::move(b));
    }
    allow_simple_key_ = false;
  } else {
    if (!flow_level_ && !allow_simple_key_) error("mapping values are not allowed here");
    if (!flow_level_ && add_indent(r_.column())) push(Tok::BlockMappingStart, r_.mark(), r_.mark());
    allow_simple_key_ = !flow_level_;
    remove_possible_simple_key();
  }
  const Mark start = r_.mark();
  r_.forward();
  push(Tok::Value, start, r_.mark());
}

void Scanner::fetch_anchor(Tok t) {
  save_possible_simple_key();
  allow_simple_key_ = false;
  tokens_.push_back(scan_anchor(t));
}

void Scanner::fetch_tag() {
  save_possible_simple_key();
  allow_simple_key_ = false;
  tokens_.push_back(scan_tag());
}

void Scanner::fetch_block_scalar(char style) {
  allow_simple_key_ = true;
  remove_possible_simple_key();
  tokens_.push_back(scan_block_scalar(style));
}

void Scanner::fetch_flow_scalar(char style) {
  save_possible_simple_key();
  allow_simple_key_ = false;
  tokens_.push_back(scan_flow_scalar(style));
}

void Scanner::fetch_plain() {
  save_possible_simple_key();
  allow_simple_key_ = false;
  tokens_.push_back(scan_plain());
}

bool Scanner::check_document_indicator(char c) const {
  if (r_.column() != 0) return false;
  const char s[4] = {c, c, c, 0};
  return r_.prefix_is(s) && is_blank_or_end(r_.peek(3));
}

bool Scanner::check_plain() const {
  const char32_t ch = r_.peek();
  static constexpr std::u32string_view k_indicators = U"-?:,[]{}#&*!|>'\"%@`";
  if (!is_blank_or_end(ch) && k_indicators.find(ch) == std::u32string_view::npos) return true;
  return !is_blank_or_end(r_.peek(1)) && (ch == '-' || (!flow_level_ && (ch == '?' || ch == ':')));
}

void Scanner::scan_to_next_token() {
  if (r_.index() == 0 && r_.peek() == 0xFEFF) r_.forward();
  while (true) {
    while (r_.peek() == ' ') r_.forward();
    if (r_.peek() == '#') {
      while (!is_break_or_nul(r_.peek())) r_.forward();
    }
    if (scan_line_break().empty()) return;
    if (!flow_level_) allow_simple_key_ = true;
  }
}

std::string Scanner::scan_line_break() {
  const char32_t ch = r_.peek();
  if (ch == '\r' || ch == '\n' || ch == 0x85) {
    r_.forward(ch == '\r' && r_.peek(1) == '\n' ? 2 : 1);
    return "\n";
  }
  if (ch == 0x2028 || ch == 0x2029) {
    r_.forward();
    std::string s;
    util::append_utf8(s, ch);
    return s;
  }
  return {};
}

}  // namespace skillscore::doc::pyyaml
