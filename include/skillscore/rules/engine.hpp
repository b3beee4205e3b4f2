#pragma once
// Turns metric values into findings: for each check, in file order, the
// first outcome whose condition holds emits a strength or an issue.
#include <cstddef>
#include <string>
#include <vector>

#include "skillscore/doc/document.hpp"
#include "skillscore/rules/metrics.hpp"
#include "skillscore/rules/profile.hpp"

namespace skillscore::rules {

struct Finding {
  int check = -1;  // index into Profile::checks
  OutcomeKind kind = OutcomeKind::Issue;
  Severity severity = Severity::Warning;
  std::string message;
  std::string recommendation;
  std::size_t line = 0;    // 1-based, 0 when the finding has no place
  std::size_t column = 0;  // 1-based, in code points, 0 when unknown
};

std::vector<Finding> evaluate_checks(const Profile& profile, const MetricResults& metrics, const doc::Document& document);

std::string render(const Template& t, const std::vector<Value>& values);

}  // namespace skillscore::rules
