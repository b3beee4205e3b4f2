#pragma once
// The gates of a `check` (or `score`) run and the verdict the exit code gives.
// Every report states every gate, set or not, and the verdict, from this one
// evaluation: a report can never disagree with the exit code.
#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "skillscore/report/assessment.hpp"
#include "skillscore/rules/kinds.hpp"

namespace skillscore::report {

enum class Gate { MinScore, MinMean, FailOn, Regression };

struct GateInfo {
  Gate gate;
  std::string_view name;    // "min-score": the option and configuration key
  std::string_view option;  // "--min-score"
  std::string_view fails;   // what makes it fail
};
std::span<const GateInfo> gates();
const GateInfo& gate_info(Gate g);

// What the run was asked to enforce.
struct GateSettings {
  std::optional<double> min_score;
  std::optional<double> min_mean;
  std::optional<rules::Severity> fail_on;  // nullopt: `none`
  bool fail_on_regression = false;          // with a baseline
  double tolerance = 0.0;
  bool exit_zero = false;
};

struct GateResult {
  Gate gate = Gate::MinScore;
  bool enabled = false;
  bool failed = false;
  std::size_t failing = 0;  // skills that fail it (min-mean: none, the mean does)
  std::string setting;      // "0.500", "error", "tolerance 0.000"; "not set" / "none" when disabled
  std::string detail;       // "3 skills below", "mean 0.412"; empty when disabled
};

enum class Verdict { Pass, Fail, FailIgnored, Error };

struct VerdictInfo {
  Verdict verdict;
  std::string_view name;  // "pass", "fail", "fail-ignored", "error"
  std::string_view text;  // for people
  int exit_code;
};
std::span<const VerdictInfo> verdicts();
const VerdictInfo& verdict_info(Verdict v);

// error > warning > info: `s` is at least as serious as `threshold`.
bool severity_at_least(rules::Severity s, rules::Severity threshold);
// The skill has an issue at or above --fail-on.
bool fails_fail_on(const Assessment& a, const GateSettings& g);
// "min-score 0.500: failed (3 skills below)" / "min-mean: not set".
std::string gate_sentence(const GateResult& r);

}  // namespace skillscore::report
