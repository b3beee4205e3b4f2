#include "skillscore/util/newlines.hpp"

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace skillscore::util {

std::size_t count_newlines(std::string_view s) {
  const char* p = s.data();
  std::size_t n = s.size();
  std::size_t total = 0;
#if defined(__SSE2__)
  const __m128i newline = _mm_set1_epi8('\n');
  const __m128i zero = _mm_setzero_si128();
  while (n >= 16) {
    // Up to 255 blocks per round: a byte lane counts at most 255.
    std::size_t blocks = n / 16 < 255 ? n / 16 : 255;
    n -= blocks * 16;
    __m128i acc = zero;
    for (; blocks > 0; --blocks, p += 16) {
      const __m128i chunk = _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
      acc = _mm_sub_epi8(acc, _mm_cmpeq_epi8(chunk, newline));  // a match is -1
    }
    const __m128i sums = _mm_sad_epu8(acc, zero);
    total += static_cast<std::size_t>(_mm_cvtsi128_si32(sums)) +
             static_cast<std::size_t>(_mm_cvtsi128_si32(_mm_unpackhi_epi64(sums, sums)));
  }
#endif
  for (; n > 0; --n, ++p) total += *p == '\n';
  return total;
}

}  // namespace skillscore::util
