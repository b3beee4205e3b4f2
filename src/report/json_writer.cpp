#include "skillscore/report/json_writer.hpp"

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>

#include "skillscore/util/float_repr.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::report {

namespace {

constexpr std::uint64_t k_ones = 0x0101010101010101ULL;
constexpr std::uint64_t k_highs = 0x8080808080808080ULL;

// Whether any of the eight bytes of `w` is a control character, '"' or '\\'
// (or, with `ascii_only`, beyond ASCII): the bytes JSON output must look at.
bool needs_attention(std::uint64_t w, bool ascii_only) {
  const auto zero_byte = [](std::uint64_t x) { return (x - k_ones) & ~x & k_highs; };
  const std::uint64_t control = (w - k_ones * 0x20) & ~w & k_highs;  // bytes below 0x20
  const std::uint64_t special = zero_byte(w ^ (k_ones * '"')) | zero_byte(w ^ (k_ones * '\\'));
  return (control | special | (ascii_only ? w & k_highs : 0)) != 0;
}

// Whether no byte of `s` needs a look with `ascii_only` (see needs_attention):
// eight bytes at a time, the last eight overlapping, a short string padded
// with spaces (most strings are keys and short values: no byte loop).
bool all_plain(std::string_view s, bool ascii_only) {
  std::uint64_t w = k_ones * ' ';
  if (s.size() < 8) {
    std::memcpy(&w, s.data(), s.size());
    return !needs_attention(w, ascii_only);
  }
  for (std::size_t i = 0; i + 8 <= s.size(); i += 8) {
    std::memcpy(&w, s.data() + i, 8);
    if (needs_attention(w, ascii_only)) return false;
  }
  std::memcpy(&w, s.data() + s.size() - 8, 8);
  return !needs_attention(w, ascii_only);
}

// The first byte at or after `i` that JSON output must look at (see
// needs_attention), or s.size(): eight bytes at a time, then the one.
std::size_t next_attention(std::string_view s, std::size_t i, bool ascii_only) {
  for (; i + 8 <= s.size(); i += 8) {
    std::uint64_t w;
    std::memcpy(&w, s.data() + i, 8);
    if (needs_attention(w, ascii_only)) break;
  }
  for (; i < s.size(); ++i) {
    const auto c = static_cast<unsigned char>(s[i]);
    if (c < 0x20 || c == '"' || c == '\\' || (ascii_only && c >= 0x80)) return i;
  }
  return s.size();
}

// Appends `s` (valid UTF-8) as a JSON string literal: the runs between
// characters to escape are copied whole (recommendations quote a lot).
void append_quoted(std::string& out, std::string_view s) {
  out += '"';
  std::size_t run = 0;  // start of the current run of bytes copied as they are
  for (std::size_t i = next_attention(s, 0, false); i < s.size(); i = next_attention(s, i + 1, false)) {
    const auto c = static_cast<unsigned char>(s[i]);
    out.append(s.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; break;
      case '\\': out += "\\\\"; break;
      case '\n': out += "\\n"; break;
      case '\r': out += "\\r"; break;
      case '\t': out += "\\t"; break;
      case '\b': out += "\\b"; break;
      case '\f': out += "\\f"; break;
      default: {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned>(c));
        out += buf;
      }
    }
  }
  out.append(s.data() + run, s.size() - run);
  out += '"';
}

void append_json_string(std::string& out, std::string_view raw) {
  // Most strings are short ASCII with nothing to escape.
  if (all_plain(raw, true)) {
    out += '"';
    out.append(raw);
    out += '"';
    return;
  }
  if (util::find_invalid_utf8(raw)) append_quoted(out, util::sanitize_utf8(raw));
  else append_quoted(out, raw);
}

}  // namespace

std::string json_quote(std::string_view raw) {
  std::string out;
  out.reserve(raw.size() + 2);
  append_json_string(out, raw);
  return out;
}

void JsonWriter::newline() {
  if (!indent_) return;
  *out_ += '\n';
  out_->append((stack_.size() + static_cast<std::size_t>(depth_)) * static_cast<std::size_t>(indent_), ' ');
}

void JsonWriter::before_value() {
  if (after_key_) {
    after_key_ = false;
    return;
  }
  if (stack_.empty()) return;
  if (!stack_.back().empty) *out_ += ',';
  stack_.back().empty = false;
  newline();
}

JsonWriter& JsonWriter::begin_object() {
  before_value();
  *out_ += '{';
  stack_.push_back({true, true});
  return *this;
}

JsonWriter& JsonWriter::end_object() {
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline();
  *out_ += '}';
  return *this;
}

JsonWriter& JsonWriter::begin_array() {
  before_value();
  *out_ += '[';
  stack_.push_back({false, true});
  return *this;
}

JsonWriter& JsonWriter::end_array() {
  const bool empty = stack_.back().empty;
  stack_.pop_back();
  if (!empty) newline();
  *out_ += ']';
  return *this;
}

JsonWriter& JsonWriter::key(std::string_view k) {
  if (!stack_.back().empty) *out_ += ',';
  stack_.back().empty = false;
  newline();
  append_json_string(*out_, k);
  *out_ += indent_ ? ": " : ":";
  after_key_ = true;
  return *this;
}

JsonWriter& JsonWriter::value(std::string_view s) {
  before_value();
  append_json_string(*out_, s);
  return *this;
}

JsonWriter& JsonWriter::value(double d) {
  before_value();
  // JSON has no NaN or Infinity.
  if (std::isfinite(d)) util::append_py_float_repr(*out_, d);
  else *out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::value(std::int64_t i) {
  before_value();
  char buf[24];
  const auto res = std::to_chars(buf, buf + sizeof buf, i);
  out_->append(buf, static_cast<std::size_t>(res.ptr - buf));
  return *this;
}

JsonWriter& JsonWriter::value(bool b) {
  before_value();
  *out_ += b ? "true" : "false";
  return *this;
}

JsonWriter& JsonWriter::null() {
  before_value();
  *out_ += "null";
  return *this;
}

JsonWriter& JsonWriter::raw(std::string_view json) {
  before_value();
  *out_ += json;
  return *this;
}

}  // namespace skillscore::report
