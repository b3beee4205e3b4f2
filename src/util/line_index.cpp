#include "skillscore/util/line_index.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstring>

#include "skillscore/util/utf8.hpp"

namespace skillscore::util {

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  const char* base = text.data();
  const std::size_t size = text.size();
  // Newlines are found sixteen bytes at a time as a bit mask (most chunks
  // have none); the start of every kStride-th line is kept.
  std::size_t until_index = kStride;  // newlines to go before the next indexed line starts (lines_ starts at 1)
  auto take = [&](unsigned mask, std::size_t at) {
    for (; mask; mask &= mask - 1) {  // each newline: one set bit
      ++lines_;
      if (--until_index == 0) {
        starts_.push_back(at + static_cast<std::size_t>(__builtin_ctz(mask)) + 1);
        until_index = kStride;
      }
    }
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  for (; i + 16 <= size; i += 16) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + i));
    const auto mask = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, newline)));
    if (mask) take(mask, i);
  }
#endif
  for (; i < size; ++i) {
    if (base[i] == '\n') take(1u, i);
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
