#pragma once
// Computes a profile's metrics for one document, in the order the rule file
// defines them (later metrics may read earlier ones).
#include <cstddef>
#include <vector>

#include "skillscore/doc/document.hpp"
#include "skillscore/rules/profile.hpp"
#include "skillscore/rules/value.hpp"

namespace skillscore::rules {

struct MetricResults {
  std::vector<Value> values;             // one per metric, indexed like Profile::metrics
  std::vector<std::size_t> first_line;   // line of the first match (search, count), 0 when none
};

MetricResults evaluate_metrics(const Profile& profile, const doc::Document& document);

}  // namespace skillscore::rules
