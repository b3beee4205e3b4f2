#include "skillscore/app/overrides.hpp"

namespace skillscore::app {

bool apply_overrides(rules::Profile& profile, const std::map<std::string, RuleOverride>& overrides,
                     const std::string& source, std::string& error) {
  for (const auto& [key, o] : overrides) {
    rules::Check* check = nullptr;
    for (auto& c : profile.checks) {
      if (c.id == key || c.slug == key) check = &c;
    }
    const std::string where = source + ":" + std::to_string(o.line) + ": ";
    if (!check) {
      error = where + "no rule '" + key + "' in profile " + profile.name + " (see `skillscore rules`)";
      return false;
    }
    if (o.enabled) check->enabled = *o.enabled;
    if (o.severity) {
      for (auto& out : check->outcomes) {
        if (out.kind == rules::OutcomeKind::Issue) out.severity = *o.severity;
      }
      check->severity = *o.severity;
    }
    if (o.weight) {
      if (check->scores < 0) {
        error = where + "rule " + check->id + " has no weight of its own in the score";
        return false;
      }
      for (auto& t : profile.score.terms) {
        if (t.metric == check->scores) t.weight = *o.weight;
      }
    }
  }
  return true;
}

}  // namespace skillscore::app
