#include "skillscore/util/unicode.hpp"

#include <algorithm>
#include <cstdint>
#include <vector>

#include "skillscore/util/utf8.hpp"

namespace skillscore::util {
namespace {

struct DecompEntry {
  char32_t cp;
  std::uint32_t offset;
  std::uint8_t length;
};
struct CccEntry {
  char32_t cp;
  std::uint8_t ccc;
};
struct CompEntry {
  char32_t first, second, composite;
};
struct RangeEntry {
  char32_t first, last;
};

#include "unicode_tables.inc"

constexpr char32_t k_s_base = 0xAC00, k_l_base = 0x1100, k_v_base = 0x1161, k_t_base = 0x11A7;
constexpr int k_l_count = 19, k_v_count = 21, k_t_count = 28, k_n_count = k_v_count * k_t_count,
              k_s_count = k_l_count * k_n_count;

int ccc_of(char32_t cp) {
  auto it = std::lower_bound(std::begin(k_ccc), std::end(k_ccc), cp,
                             [](const CccEntry& e, char32_t c) { return e.cp < c; });
  return it != std::end(k_ccc) && it->cp == cp ? it->ccc : 0;
}

void decompose(char32_t cp, std::vector<char32_t>& out) {
  if (cp >= k_s_base && cp < k_s_base + k_s_count) {
    const int s = static_cast<int>(cp - k_s_base);
    out.push_back(k_l_base + s / k_n_count);
    out.push_back(k_v_base + (s % k_n_count) / k_t_count);
    if (s % k_t_count) out.push_back(k_t_base + s % k_t_count);
    return;
  }
  auto it = std::lower_bound(std::begin(k_decomp), std::end(k_decomp), cp,
                             [](const DecompEntry& e, char32_t c) { return e.cp < c; });
  if (it != std::end(k_decomp) && it->cp == cp) {
    out.insert(out.end(), k_decomp_data + it->offset, k_decomp_data + it->offset + it->length);
  } else {
    out.push_back(cp);
  }
}

bool compose_pair(char32_t a, char32_t b, char32_t& out) {
  // Hangul LV and LVT.
  if (a >= k_l_base && a < k_l_base + k_l_count && b >= k_v_base && b < k_v_base + k_v_count) {
    out = k_s_base + ((a - k_l_base) * k_v_count + (b - k_v_base)) * k_t_count;
    return true;
  }
  if (a >= k_s_base && a < k_s_base + k_s_count && (a - k_s_base) % k_t_count == 0 && b > k_t_base &&
      b < k_t_base + k_t_count) {
    out = a + (b - k_t_base);
    return true;
  }
  auto it = std::lower_bound(std::begin(k_comp), std::end(k_comp), std::make_pair(a, b),
                             [](const CompEntry& e, const std::pair<char32_t, char32_t>& k) {
                               return e.first != k.first ? e.first < k.first : e.second < k.second;
                             });
  if (it != std::end(k_comp) && it->first == a && it->second == b) {
    out = it->composite;
    return true;
  }
  return false;
}

}  // namespace

std::string nfkc(std::string_view s) {
  if (std::all_of(s.begin(), s.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; })) {
    return std::string(s);
  }
  std::vector<char32_t> cps;
  std::size_t pos = 0;
  while (pos < s.size()) decompose(decode_utf8(s, pos), cps);
  // Canonical ordering: a stable sort of each run of non-starters by class.
  for (std::size_t i = 0; i < cps.size();) {
    if (ccc_of(cps[i]) == 0) {
      ++i;
      continue;
    }
    std::size_t j = i;
    while (j < cps.size() && ccc_of(cps[j]) != 0) ++j;
    std::stable_sort(cps.begin() + static_cast<long>(i), cps.begin() + static_cast<long>(j),
                     [](char32_t a, char32_t b) { return ccc_of(a) < ccc_of(b); });
    i = j;
  }
  // Canonical composition.
  std::vector<char32_t> out;
  std::size_t starter = SIZE_MAX;
  int last_ccc = -1;
  for (char32_t cp : cps) {
    const int ccc = ccc_of(cp);
    char32_t composite = 0;
    if (starter != SIZE_MAX && (last_ccc < ccc || (last_ccc == 0 && out.size() - 1 == starter)) &&
        compose_pair(out[starter], cp, composite)) {
      out[starter] = composite;
      continue;
    }
    if (ccc == 0) {
      starter = out.size();
      last_ccc = -1;
    } else {
      last_ccc = ccc;
    }
    out.push_back(cp);
    if (ccc == 0) last_ccc = 0;
  }
  std::string result;
  result.reserve(s.size());
  for (char32_t cp : out) append_utf8(result, cp);
  return result;
}

bool is_lower_stable(std::string_view s) {
  std::size_t pos = 0;
  while (pos < s.size()) {
    const char32_t cp = decode_utf8(s, pos);
    auto it = std::upper_bound(std::begin(k_lower_changes), std::end(k_lower_changes), cp,
                               [](char32_t c, const RangeEntry& r) { return c < r.first; });
    if (it != std::begin(k_lower_changes) && cp <= std::prev(it)->last) return false;
  }
  return true;
}

bool needs_unicode_classes(std::string_view s) {
  for (std::size_t pos = skip_ascii(s, 0); pos < s.size(); pos = skip_ascii(s, pos)) {
    const char32_t cp = decode_utf8(s, pos);
    auto it = std::upper_bound(std::begin(k_unicode_class_chars), std::end(k_unicode_class_chars), cp,
                               [](char32_t c, const RangeEntry& r) { return c < r.first; });
    if (it != std::begin(k_unicode_class_chars) && cp <= std::prev(it)->last) return true;
  }
  return false;
}

const char* unicode_version() { return SKILLSCORE_UNICODE_VERSION; }

std::string_view python_word_class() { return k_py_word_class; }
std::string_view python_digit_class() { return k_py_digit_class; }

}  // namespace skillscore::util
