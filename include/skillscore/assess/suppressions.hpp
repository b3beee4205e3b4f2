#pragma once
// Inline suppressions in a skill's Markdown:
//   <!-- skillscore-disable [RULE...] -->            from this line on
//   <!-- skillscore-enable [RULE...] -->             from this line on, again
//   <!-- skillscore-disable-next-line [RULE...] -->  the next line only
// No rule list means every rule. RULE is an id (SF021) or a slug. An issue
// without a line is suppressed when its rule is still disabled at the end of
// the file. An unknown rule in a directive is reported (SS003).
#include <set>
#include <string>
#include <string_view>

#include "skillscore/assess/assessment.hpp"

namespace skillscore::assess {

// Removes the suppressed issues of `a` (read from `text`); adds an SS003
// issue for each unknown rule named in a directive. `known` holds the ids and
// slugs of the profile's rules and skillscore's diagnostics.
void apply_suppressions(std::string_view text, const std::set<std::string>& known, Assessment& a);

}  // namespace skillscore::assess
