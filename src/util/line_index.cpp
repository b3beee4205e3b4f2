#include "skillscore/util/line_index.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include <algorithm>
#include <cstdint>
#include <cstring>

#include "skillscore/util/newlines.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::util {

namespace {

// Set bits of a 64-bit mask, without the popcnt instruction the baseline
// x86-64 build may not use (__builtin_popcountll would be a libgcc call).
inline unsigned bit_count(std::uint64_t m) {
  m = m - ((m >> 1) & 0x5555555555555555ull);
  m = (m & 0x3333333333333333ull) + ((m >> 2) & 0x3333333333333333ull);
  m = (m + (m >> 4)) & 0x0F0F0F0F0F0F0F0Full;
  return static_cast<unsigned>((m * 0x0101010101010101ull) >> 56);
}

}  // namespace

LineIndex::LineIndex(std::string_view text) {
  starts_.push_back(0);
  const char* base = text.data();
  const std::size_t size = text.size();
  std::size_t until_index = kStride;  // newlines to go before the next indexed line starts (lines_ starts at 1)
  // Newlines of a block as a bit mask: a block holding fewer than
  // until_index of them (most blocks: kStride lines span hundreds of bytes)
  // is counted whole, without a branch per newline; only the block where an
  // indexed line starts walks its bits.
  auto take = [&](std::uint64_t mask, std::size_t at) {
    const unsigned n = bit_count(mask);
    lines_ += n;
    if (n < until_index) {
      until_index -= n;
      return;
    }
    for (; mask; mask &= mask - 1) {
      if (--until_index == 0) {
        starts_.push_back(at + static_cast<std::size_t>(__builtin_ctzll(mask)) + 1);
        until_index = kStride;
      }
    }
  };
  std::size_t i = 0;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  auto bits = [&](std::size_t at) {
    const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(base + at));
    return static_cast<std::uint64_t>(static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(chunk, newline))));
  };
  for (; i + 64 <= size; i += 64) {
    take(bits(i) | bits(i + 16) << 16 | bits(i + 32) << 32 | bits(i + 48) << 48, i);
  }
#endif
  // The rest (all of it without SSE2), 64 bytes or fewer at a time.
  for (; i < size; i += 64) {
    std::uint64_t mask = 0;
    const std::size_t end = std::min(size, i + 64);
    for (std::size_t j = i; j < end; ++j) {
      if (base[j] == '\n') mask |= std::uint64_t{1} << (j - i);
    }
    take(mask, i);
  }
}

std::size_t LineIndex::line_of(std::string_view text, std::size_t offset) const {
  // The last indexed line starting at or before offset, then the newlines up to it.
  const auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
  const std::size_t k = static_cast<std::size_t>(it - starts_.begin()) - 1;
  const std::size_t from = starts_[k];
  const std::size_t to = std::min(offset, text.size());
  const std::size_t newlines = to > from ? count_newlines(text.substr(from, to - from)) : 0;
  return k * kStride + 1 + newlines;
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
