#pragma once
// The score: a pure function of metric values and the profile's score spec.
#include <vector>

#include "skillscore/rules/profile.hpp"
#include "skillscore/rules/value.hpp"
#include "skillscore/score/rating.hpp"

namespace skillscore::score {

struct ScoreResult {
  double score = 0.0;
  double base = 0.0;        // the weighted mean before the penalty
  double multiplier = 1.0;  // the penalty multiplier applied
  Rating rating = Rating::Poor;
};

// Sums in the spec's order, as the reference does: the last bit depends on it.
ScoreResult compute_score(const rules::ScoreSpec& spec, const std::vector<rules::Value>& values);

Rating rate(const rules::ScoreSpec& spec, double score);

}  // namespace skillscore::score
