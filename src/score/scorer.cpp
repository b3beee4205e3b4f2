#include "skillscore/score/scorer.hpp"

#include <algorithm>

namespace skillscore::score {

ScoreResult compute_score(const rules::ScoreSpec& spec, const std::vector<rules::Value>& values) {
  double weighted_sum = 0.0;
  double total_weight = 0.0;
  for (const auto& t : spec.terms) {
    const rules::Value& v = values[static_cast<std::size_t>(t.metric)];
    double x = v.type == rules::ValueType::Bool ? (v.b ? 1.0 : 0.0) : v.as_double();
    if (t.scale) x = std::min(x / *t.scale, 1.0);
    weighted_sum += x * t.weight;
    total_weight += t.weight;
  }
  ScoreResult r;
  r.base = total_weight > 0 ? weighted_sum / total_weight : 0.0;
  if (spec.penalty) {
    const auto& p = *spec.penalty;
    long count = 0;
    for (int m : p.critical) count += values[static_cast<std::size_t>(m)].b ? 1 : 0;
    if (!p.required_any.empty()) {
      const bool any = std::any_of(p.required_any.begin(), p.required_any.end(),
                                   [&](int m) { return values[static_cast<std::size_t>(m)].b; });
      if (!any) count = std::max(0L, count - 1);
    }
    r.multiplier = p.multipliers[static_cast<std::size_t>(count)];
  }
  r.score = r.base * r.multiplier;
  r.rating = rate(spec, r.score);
  return r;
}

Rating rate(const rules::ScoreSpec& spec, double score) {
  for (const auto& band : spec.ratings) {
    if (!band.min || score >= *band.min) return band.rating;
  }
  return Rating::Poor;
}

}  // namespace skillscore::score
