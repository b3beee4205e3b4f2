#include "skillscore/util/unicode_category.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <iterator>

namespace skillscore::util {
namespace {

struct CategoryRange {
  char32_t first, last;
  std::uint8_t category;
};

#include "unicode_categories.inc"

// ASCII is most of what is asked: a direct table.
const std::array<GeneralCategory, 128> k_ascii = [] {
  std::array<GeneralCategory, 128> t{};
  for (const auto& r : k_categories) {
    if (r.first >= 128) break;
    for (char32_t c = r.first; c <= r.last && c < 128; ++c) t[c] = static_cast<GeneralCategory>(r.category);
  }
  return t;
}();

}  // namespace

GeneralCategory general_category(char32_t cp) {
  if (cp < 128) return k_ascii[cp];
  auto it = std::upper_bound(std::begin(k_categories), std::end(k_categories), cp,
                             [](char32_t c, const CategoryRange& r) { return c < r.first; });
  if (it == std::begin(k_categories)) return GeneralCategory::Cn;
  --it;
  return cp <= it->last ? static_cast<GeneralCategory>(it->category) : GeneralCategory::Cn;
}

}  // namespace skillscore::util
