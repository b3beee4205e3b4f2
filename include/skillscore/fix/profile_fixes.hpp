#pragma once
// Which fixes run for a profile, and what they read from it.
#include <span>
#include <string>
#include <vector>

#include "skillscore/fix/fixes.hpp"
#include "skillscore/rules/profile.hpp"

namespace skillscore::fix {

// The fixes for `profile`: every ungated fix, and each gated one whose rules
// the profile checks (an enabled check with one of its ids). A non-empty
// `only` runs just those, gated or not.
std::vector<FixKind> fixes_for_profile(const rules::Profile& profile, std::span<const FixKind> only = {});

// The directory name (for SKILL.md and skill.md files) and the allowed
// top-level fields (the profile's `unexpected_keys` list, else agentskills').
FixContext context_for(const rules::Profile& profile, const std::string& path);

}  // namespace skillscore::fix
