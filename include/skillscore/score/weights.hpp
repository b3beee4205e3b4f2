#pragma once
// A custom weight table, as skill-fleet passes it to the reference's
// assess_skill_quality(content, weights=...): keyed by the score terms'
// metric names, it replaces the profile's weights.
#include <map>
#include <string>
#include <vector>

#include "skillscore/rules/profile.hpp"

namespace skillscore::score {

using WeightTable = std::map<std::string, double>;

// Gives each score term the table's weight for its metric's name, or its
// `fallback` when the table lacks the name (an empty table included), as the
// reference's `weights.get(key, fallback)` does. Returns the table's keys that
// name no term, in order: the reference ignores them.
std::vector<std::string> apply_weights(rules::Profile& profile, const WeightTable& table);

}  // namespace skillscore::score
