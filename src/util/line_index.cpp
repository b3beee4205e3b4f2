#include "skillscore/util/line_index.hpp"

#include <algorithm>

#include "skillscore/util/utf8.hpp"

namespace skillscore::util {

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts_.push_back(i + 1);
  }
}

std::size_t LineIndex::line_of(std::size_t offset) const {
  auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  return static_cast<std::size_t>(it - starts_.begin());
}

std::size_t LineIndex::column_of(std::string_view text, std::size_t offset) const {
  const std::size_t start = starts_[line_of(offset) - 1];
  return count_code_points(text.substr(start, offset - start)) + 1;
}

}  // namespace skillscore::util
