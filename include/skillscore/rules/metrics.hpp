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
  // Line of the first match of search and count metrics that a check locates
  // (Profile::needs_location); 0 when none or not asked for.
  std::vector<std::size_t> first_line;
  std::vector<std::size_t> first_column;  // 1-based, 0 when unknown
};

struct EvalOptions {
  // A core is free for this document: a large body gets its presence pass
  // (PresenceIndex) on a second thread while the metrics that need no answer
  // from it run. Results are the same either way.
  bool spare_core = false;
};

MetricResults evaluate_metrics(const Profile& profile, const doc::Document& document, EvalOptions options = {});

}  // namespace skillscore::rules
