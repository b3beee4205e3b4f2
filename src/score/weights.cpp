#include "skillscore/score/weights.hpp"

#include <set>

namespace skillscore::score {

std::vector<std::string> apply_weights(rules::Profile& profile, const WeightTable& table) {
  std::set<std::string> used;
  for (auto& t : profile.score.terms) {
    const std::string& name = profile.metrics[static_cast<std::size_t>(t.metric)].name;
    const auto it = table.find(name);
    if (it != table.end()) {
      t.weight = it->second;
      used.insert(name);
    } else if (t.fallback) {
      t.weight = *t.fallback;
    }
  }
  std::vector<std::string> unknown;
  for (const auto& [key, weight] : table) {
    if (!used.count(key)) unknown.push_back(key);
  }
  return unknown;
}

}  // namespace skillscore::score
