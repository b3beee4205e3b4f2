#pragma once
#include <cstddef>
#include <string_view>
#include <vector>

namespace skillscore::util {

// Maps byte offsets of a text to 1-based line and column numbers.
class LineIndex {
 public:
  explicit LineIndex(std::string_view text);
  // 1-based line of the byte at `offset` (offset == size gives the last line).
  std::size_t line_of(std::size_t offset) const;
  // 1-based column, counted in code points, of the byte at `offset`.
  std::size_t column_of(std::string_view text, std::size_t offset) const;
  std::size_t line_start(std::size_t line) const { return starts_[line - 1]; }
  std::size_t line_count() const { return starts_.size(); }

 private:
  std::vector<std::size_t> starts_;
};

}  // namespace skillscore::util
