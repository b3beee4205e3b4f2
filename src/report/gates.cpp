#include "skillscore/report/gates.hpp"

#include <algorithm>

namespace skillscore::report {
namespace {

constexpr GateInfo k_gates[] = {
    {Gate::MinScore, "min-score", "--min-score", "a skill scores below it"},
    {Gate::MinMean, "min-mean", "--min-mean", "the mean score is below it"},
    {Gate::FailOn, "fail-on", "--fail-on", "a skill has an issue of this severity or above"},
    {Gate::Regression, "regression", "--fail-on-regression", "a skill's score dropped below the baseline by more than the tolerance"},
};

constexpr VerdictInfo k_verdicts[] = {
    {Verdict::Pass, "pass", "passed", 0},
    {Verdict::Fail, "fail", "failed", 1},
    {Verdict::FailIgnored, "fail-ignored", "failed, exit 0 with --exit-zero", 0},
    {Verdict::Error, "error", "error: files could not be read, scored or written", 2},
};

}  // namespace

std::span<const GateInfo> gates() { return k_gates; }
const GateInfo& gate_info(Gate g) { return k_gates[static_cast<std::size_t>(g)]; }
std::span<const VerdictInfo> verdicts() { return k_verdicts; }
const VerdictInfo& verdict_info(Verdict v) { return k_verdicts[static_cast<std::size_t>(v)]; }

bool severity_at_least(rules::Severity s, rules::Severity threshold) {
  return static_cast<int>(s) <= static_cast<int>(threshold);
}

bool fails_fail_on(const Assessment& a, const GateSettings& g) {
  return g.fail_on && std::any_of(a.issues.begin(), a.issues.end(),
                                  [&](const Issue& i) { return severity_at_least(i.severity, *g.fail_on); });
}

std::string gate_sentence(const GateResult& r) {
  std::string out(gate_info(r.gate).name);
  if (!r.enabled) return out + ": " + r.setting;
  out += " " + r.setting + (r.failed ? ": failed" : ": passed");
  if (!r.detail.empty()) out += " (" + r.detail + ")";
  return out;
}

}  // namespace skillscore::report
