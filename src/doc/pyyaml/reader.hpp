#pragma once
// PyYAML's Reader over a str: the text as code points with a '\0' sentinel,
// the check for non-printable characters, and the line/column bookkeeping of
// forward() (its line breaks: \n, \r not before \n, NEL, LS, PS).
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "error.hpp"

namespace skillscore::doc::pyyaml {

class Reader {
 public:
  // Decodes `text` (valid UTF-8); fails as PyYAML's check_printable does.
  explicit Reader(std::string_view text);

  char32_t peek(std::size_t k = 0) const { return chars_[pointer_ + k]; }
  void forward(std::size_t length = 1);
  Mark mark() const { return {static_cast<std::uint32_t>(pointer_), line_, column_}; }
  std::size_t index() const { return pointer_; }
  std::uint32_t line() const { return line_; }
  std::uint32_t column() const { return column_; }
  // prefix(n) == s, for ASCII `s`.
  bool prefix_is(std::string_view s) const;
  // Appends the UTF-8 of the next `length` code points (not consumed).
  void append_prefix(std::string& out, std::size_t length) const;
  // The 1-based byte column of a mark in its '\n'-separated line: the column
  // the frontmatter reports use.
  std::size_t byte_column(const Mark& m) const;

 private:
  std::string_view text_;
  std::vector<char32_t> chars_;       // the text, then padding zeros
  std::vector<std::uint32_t> bytes_;  // byte offset of each code point (and of the end)
  std::size_t pointer_ = 0;
  std::uint32_t line_ = 0;
  std::uint32_t column_ = 0;
};

// PyYAML's sets of characters, as the scanner tests them.
inline bool is_break(char32_t c) { return c == '\r' || c == '\n' || c == 0x85 || c == 0x2028 || c == 0x2029; }
inline bool is_break_or_nul(char32_t c) { return c == 0 || is_break(c); }
inline bool is_blank_or_end(char32_t c) { return c == ' ' || c == '\t' || is_break_or_nul(c); }  // '\0 \t\r\n...'
inline bool is_space_or_end(char32_t c) { return c == ' ' || is_break_or_nul(c); }               // '\0 \r\n...'
inline bool is_word_char(char32_t c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '-' || c == '_';
}
inline bool is_hex(char32_t c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'F') || (c >= 'a' && c <= 'f'); }

// Python's repr() of a one-character str, for PyYAML's "%r" in messages.
std::string char_repr(char32_t c);

}  // namespace skillscore::doc::pyyaml
