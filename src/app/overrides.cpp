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

bool apply_params(rules::Profile& profile, const std::map<std::string, std::pair<double, std::size_t>>& params,
                  const std::string& source, std::string& error) {
  for (const auto& [name, v] : params) {
    const std::string where = source + ":" + std::to_string(v.second) + ": ";
    const int i = profile.metric_index(name);
    auto* spec = i < 0 ? nullptr : std::get_if<rules::ParamSpec>(&profile.metrics[static_cast<std::size_t>(i)].spec);
    if (!spec) {
      std::string names;
      for (const auto& m : profile.metrics) {
        if (std::holds_alternative<rules::ParamSpec>(m.spec)) names += (names.empty() ? "" : ", ") + m.name;
      }
      error = where + "no param '" + name + "' in profile " + profile.name + " (its params: " +
              (names.empty() ? "none" : names) + ")";
      return false;
    }
    if (spec->value.type == rules::ValueType::Int) {
      if (v.first != static_cast<double>(static_cast<std::int64_t>(v.first))) {
        error = where + "param '" + name + "' takes a whole number";
        return false;
      }
      spec->value = rules::Value::integer(static_cast<std::int64_t>(v.first));
    } else {
      spec->value = rules::Value::real(v.first);
    }
  }
  return true;
}

}  // namespace skillscore::app
