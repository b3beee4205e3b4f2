#pragma once
// Unicode general categories (tables generated from Python's unicodedata by
// scripts/gen_unicode_categories.py, the same Unicode version as unicode.hpp),
// for scanners that need classes without a regex engine.
namespace skillscore::util {

// The order of the generated table (scripts/gen_unicode_categories.py).
enum class GeneralCategory : unsigned char {
  Cn, Lu, Ll, Lt, Lm, Lo, Mn, Mc, Me, Nd, Nl, No, Pc, Pd, Ps, Pe,
  Pi, Pf, Po, Sm, Sc, Sk, So, Zs, Zl, Zp, Cc, Cf, Cs, Co,
};

GeneralCategory general_category(char32_t cp);

inline bool is_letter(GeneralCategory c) { return c >= GeneralCategory::Lu && c <= GeneralCategory::Lo; }
inline bool is_mark(GeneralCategory c) { return c >= GeneralCategory::Mn && c <= GeneralCategory::Me; }
inline bool is_number(GeneralCategory c) { return c >= GeneralCategory::Nd && c <= GeneralCategory::No; }

}  // namespace skillscore::util
