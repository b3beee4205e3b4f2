#pragma once
// Literal prefilters: the strings a pattern cannot match without (RE2's
// FilteredRE2 atoms), checked once against a text so that patterns which
// cannot match anywhere in it are not run on each of its many pieces.
#include <re2/filtered_re2.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/rules/regex.hpp"

namespace skillscore::rules {

class LiteralPrefilter {
 public:
  // nullptr when RE2 cannot build it (the caller then runs every pattern).
  static std::shared_ptr<const LiteralPrefilter> build(const std::vector<Regex>& patterns);

  // Sets possible[i] to whether pattern i may match somewhere in a substring
  // of `text`; false (and nothing set) when this cannot be answered soundly
  // (a character whose case folds into ASCII, such as the Kelvin sign).
  bool possible(std::string_view text, std::vector<bool>& possible) const;

 private:
  re2::FilteredRE2 filter_{3};
  std::vector<std::string> atoms_;
  std::vector<int> non_ascii_atoms_;  // taken as present in every text
  std::vector<int> ascii_atoms_;      // looked for in the lowered text
  std::size_t longest_ascii_atom_ = 1;
  std::size_t patterns_ = 0;
};

}  // namespace skillscore::rules
