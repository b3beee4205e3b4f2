#pragma once
// Applies a configuration's per-rule overrides to a loaded profile.
#include <map>
#include <string>

#include "skillscore/app/config.hpp"
#include "skillscore/rules/profile.hpp"

namespace skillscore::app {

// Each key is a check id ("SF021") or slug ("pattern-count"). `enabled: false`
// drops the check's findings; `severity` sets the severity of its issues;
// `weight` sets the weight of the score term the check stands for. Returns
// false with `error` naming the config file and line for an unknown rule or
// a weight on a check that has no score term.
bool apply_overrides(rules::Profile& profile, const std::map<std::string, RuleOverride>& overrides,
                     const std::string& source, std::string& error);

// Sets the value of each named `param` metric (a budget: max_body_tokens). An
// int param takes only whole numbers. False with `error` at the config's line
// for a name that is no param of the profile.
bool apply_params(rules::Profile& profile, const std::map<std::string, std::pair<double, std::size_t>>& params,
                  const std::string& source, std::string& error);

}  // namespace skillscore::app
