#include "skillscore/util/line_index.hpp"

#include <algorithm>
#include <cstring>

#include "skillscore/util/utf8.hpp"

namespace skillscore::util {

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  const char* base = text.data();
  const char* end = base + text.size();
  for (const char* p = base; p < end;) {
    const void* nl = std::memchr(p, '\n', static_cast<std::size_t>(end - p));
    if (!nl) break;
    p = static_cast<const char*>(nl) + 1;
    if (++lines_ % kStride == 1) starts_.push_back(static_cast<std::size_t>(p - base));
  }
}

std::size_t LineIndex::line_of(std::string_view text, std::size_t offset) const {
  // The last indexed line starting at or before offset, then the newlines up to it.
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const std::size_t k = static_cast<std::size_t>(it - starts_.begin()) - 1;
  const std::size_t from = starts_[k];
  const std::size_t to = std::min(offset, text.size());
  const auto newlines = to > from ? std::count(text.begin() + static_cast<std::ptrdiff_t>(from),
                                               text.begin() + static_cast<std::ptrdiff_t>(to), '\n')
                                  : 0;
  return k * kStride + 1 + static_cast<std::size_t>(newlines);
}

std::size_t LineIndex::line_start(std::string_view text, std::size_t line) const {
  std::size_t pos = starts_[(line - 1) / kStride];
  for (std::size_t skip = (line - 1) % kStride; skip > 0; --skip) pos = text.find('\n', pos) + 1;
  return pos;
}

std::size_t LineIndex::column_of(std::string_view text, std::size_t offset) const {
  const std::size_t start = line_start(text, line_of(text, offset));
  return count_code_points(text.substr(start, offset - start)) + 1;
}

}  // namespace skillscore::util
