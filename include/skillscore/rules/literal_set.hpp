#pragma once
// A direct counter for Python patterns that are a choice of literals, all
// ending in one byte that occurs nowhere else in them:
// '(?:references|guides|templates|scripts|examples)/'. Every match ends at an
// occurrence of that byte and holds no other, so matches never overlap and
// len(re.findall(...)) is the number of occurrences where some literal ends:
// memchr and a few compares, where RE2 runs its DFA over every byte between.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/rules/regex.hpp"
#include "skillscore/util/unicode.hpp"

namespace skillscore::rules {

class LiteralSet {
 public:
  // nullopt when `source` (Python dialect) is not of that shape: a literal,
  // 'a|b|c', or '(?:a|b|c)' or '(a|b|c)' followed by a literal. Under
  // IGNORECASE the literals must be ASCII and the final byte no letter.
  static std::optional<LiteralSet> compile(std::string_view source, RegexFlags flags);

  // The number of matches, and the first one; nullopt when this cannot be
  // decided here: under IGNORECASE, a text with letters beyond ASCII (Python
  // folds 'ſ' into 's' and the Kelvin sign into 'k').
  std::optional<std::size_t> count(std::string_view text, util::UnicodeClasses classes,
                                   std::optional<Match>* first) const;

 private:
  std::vector<std::string> literals_;  // lower-cased under IGNORECASE
  char last_ = '\0';                   // the byte every literal ends with
  bool ignore_case_ = false;
};

}  // namespace skillscore::rules
