#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace skillscore::util {

// Maps byte offsets of a text to 1-based line and column numbers. Sparse: it
// keeps the start of every kStride-th line (a 10 MB file of empty lines costs
// 5 MB, not 80), and finds the rest by scanning at most kStride lines of the
// text, which every call passes again (the index holds no pointer into it).
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // 1-based line of the byte at `offset` (offset == size gives the last line).
  std::size_t line_of(std::string_view text, std::size_t offset) const;
  // 1-based column, counted in code points, of the byte at `offset`.
  std::size_t column_of(std::string_view text, std::size_t offset) const;
  // Byte offset where 1-based `line` starts.
  std::size_t line_start(std::string_view text, std::size_t line) const;
  std::size_t line_count() const { return lines_; }

 private:
  static constexpr std::size_t kStride = 16;
  std::vector<std::size_t> starts_;  // starts_[k]: start of line k * kStride + 1
  std::size_t lines_ = 1;
};

}  // namespace skillscore::util
