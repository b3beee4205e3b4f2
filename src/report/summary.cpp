#include "skillscore/report/summary.hpp"

#include <algorithm>
#include <cstdio>
#include <set>
#include <string_view>

#include "skillscore/report/json_writer.hpp"

namespace skillscore::report {
namespace {

std::string fixed3(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.3f", v);
  return buf;
}

}  // namespace

void SummaryBuilder::set_gates(const GateSettings& gates) { gates_ = gates; }

void SummaryBuilder::set_baseline(std::map<std::string, double> scores, double tolerance) {
  baseline_ = std::move(scores);
  tolerance_ = tolerance;
}

void SummaryBuilder::add(const Assessment& a) {
  scores_.push_back({a.path, a.score.score, a.score.rating});
  fail_on_skills_ += fails_fail_on(a, gates_);
  skills_with_issues_ += !a.issues.empty();
  for (const auto& i : a.issues) ++by_severity_[i.severity];
  // A skill has a few issues: the rules seen are looked for in a list, not
  // copied into a set per skill.
  std::vector<std::string_view> seen;
  seen.reserve(a.issues.size());
  for (const auto& i : a.issues) {
    if (std::find(seen.begin(), seen.end(), i.rule) != seen.end()) continue;
    seen.push_back(i.rule);
    auto& c = issues_[i.rule];
    c.rule = i.rule;
    c.slug = i.slug;
    c.message = i.message;
    ++c.skills;
  }
}

void SummaryBuilder::add_error() { ++errors_; }
void SummaryBuilder::add_problem() { ++problems_; }

Summary SummaryBuilder::build(std::size_t top_n) const {
  Summary s;
  s.scored = scores_.size();
  s.errors = errors_;
  for (auto sev : {rules::Severity::Error, rules::Severity::Warning, rules::Severity::Info}) s.issues_by_severity[sev] = 0;
  for (const auto& [sev, n] : by_severity_) s.issues_by_severity[sev] = n;
  s.skills_with_issues = skills_with_issues_;
  s.min_score = gates_.min_score;
  s.min_mean = gates_.min_mean;
  for (auto r : {score::Rating::Excellent, score::Rating::Good, score::Rating::NeedsImprovement, score::Rating::Poor}) {
    s.ratings[r] = 0;
  }
  if (!scores_.empty()) {
    std::vector<double> v;
    v.reserve(scores_.size());
    double sum = 0.0;
    for (const auto& x : scores_) {
      v.push_back(x.score);
      sum += x.score;
      ++s.ratings[x.rating];
    }
    std::sort(v.begin(), v.end());
    s.mean = sum / static_cast<double>(v.size());
    s.min = v.front();
    s.max = v.back();
    const std::size_t n = v.size();
    s.median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
  }
  std::vector<IssueCount> issues;
  for (const auto& [rule, c] : issues_) issues.push_back(c);
  std::stable_sort(issues.begin(), issues.end(), [](const IssueCount& a, const IssueCount& b) {
    return a.skills != b.skills ? a.skills > b.skills : a.rule < b.rule;
  });
  if (issues.size() > top_n) issues.resize(top_n);
  s.top_issues = std::move(issues);
  std::vector<SkillScore> sorted = scores_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const SkillScore& a, const SkillScore& b) {
    return a.score != b.score ? a.score < b.score : a.path < b.path;
  });
  s.lowest.assign(sorted.begin(), sorted.begin() + static_cast<long>(std::min(top_n, sorted.size())));
  if (gates_.min_score) {
    for (const auto& x : scores_) {
      if (x.score < *gates_.min_score) s.below_min_score.push_back(x);
    }
  }
  s.mean_below_min = gates_.min_mean && !scores_.empty() && s.mean < *gates_.min_mean;
  if (baseline_) {
    s.has_baseline = true;
    std::set<std::string> current;
    for (const auto& x : scores_) {
      current.insert(x.path);
      auto it = baseline_->find(x.path);
      if (it == baseline_->end()) {
        s.added.push_back(x.path);
        continue;
      }
      BaselineDelta d{x.path, it->second, x.score, x.score < it->second - tolerance_};
      s.regressions += d.regression;
      s.deltas.push_back(d);
    }
    for (const auto& [path, score] : *baseline_) {
      if (!current.count(path)) s.removed.push_back(path);
    }
    std::stable_sort(s.deltas.begin(), s.deltas.end(), [](const BaselineDelta& a, const BaselineDelta& b) {
      return a.regression != b.regression ? a.regression : a.path < b.path;
    });
  }
  evaluate_gates(s);
  return s;
}

void SummaryBuilder::evaluate_gates(Summary& s) const {
  const GateSettings& g = gates_;
  auto skills = [](std::size_t n, const char* what) { return std::to_string(n) + (n == 1 ? " skill " : " skills ") + what; };
  GateResult min_score{Gate::MinScore, g.min_score.has_value(), !s.below_min_score.empty(), s.below_min_score.size(),
                       g.min_score ? fixed3(*g.min_score) : "not set", {}};
  if (min_score.enabled) min_score.detail = skills(min_score.failing, "below");
  GateResult min_mean{Gate::MinMean, g.min_mean.has_value(), s.mean_below_min, 0,
                      g.min_mean ? fixed3(*g.min_mean) : "not set", {}};
  if (min_mean.enabled) min_mean.detail = s.scored ? "mean " + fixed3(s.mean) : "no skill scored";
  s.fail_on_skills = fail_on_skills_;
  GateResult fail_on{Gate::FailOn, g.fail_on.has_value(), fail_on_skills_ > 0, fail_on_skills_,
                     g.fail_on ? std::string(rules::kind_name(rules::severities(), *g.fail_on)) : "none", {}};
  if (fail_on.enabled) fail_on.detail = skills(fail_on_skills_, "with such issues");
  const bool regression_on = g.fail_on_regression && s.has_baseline;
  GateResult regression{Gate::Regression, regression_on, regression_on && s.regressions > 0, s.regressions,
                        regression_on ? "tolerance " + fixed3(g.tolerance)
                                      : s.has_baseline ? "not enforced (no --fail-on-regression)" : "not set (no --baseline)",
                        {}};
  if (regression_on) regression.detail = skills(s.regressions, "dropped");
  s.gates = {min_score, min_mean, fail_on, regression};
  const bool failed = std::any_of(s.gates.begin(), s.gates.end(), [](const GateResult& r) { return r.failed; });
  s.problems = problems_;
  s.verdict = s.errors || problems_ ? Verdict::Error : !failed ? Verdict::Pass : g.exit_zero ? Verdict::FailIgnored : Verdict::Fail;
  s.exit_code = verdict_info(s.verdict).exit_code;
}

std::string summary_json(const Summary& s) {
  JsonWriter w(2);
  w.begin_object();
  w.key("scored").value(s.scored);
  w.key("errors").value(s.errors);
  w.key("mean").value(s.mean);
  w.key("median").value(s.median);
  w.key("min").value(s.min);
  w.key("max").value(s.max);
  w.key("ratings").begin_object();
  for (const auto& [r, n] : s.ratings) w.key(score::rating_label(r)).value(n);
  w.end_object();
  w.key("issues").begin_object();
  for (const auto& [sev, n] : s.issues_by_severity) w.key(rules::kind_name(rules::severities(), sev)).value(n);
  w.key("skills_with_issues").value(s.skills_with_issues).end_object();
  w.key("top_issues").begin_array();
  for (const auto& i : s.top_issues) {
    w.begin_object().key("rule").value(i.rule).key("slug").value(i.slug).key("message").value(i.message);
    w.key("skills").value(i.skills).end_object();
  }
  w.end_array();
  w.key("lowest").begin_array();
  for (const auto& x : s.lowest) {
    w.begin_object().key("path").value(x.path).key("score").value(x.score);
    w.key("rating").value(score::rating_label(x.rating)).end_object();
  }
  w.end_array();
  w.key("thresholds").begin_object();
  w.key("min_score");
  if (s.min_score) w.value(*s.min_score);
  else w.null();
  w.key("min_mean");
  if (s.min_mean) w.value(*s.min_mean);
  else w.null();
  w.key("below_min_score").begin_array();
  for (const auto& x : s.below_min_score) w.begin_object().key("path").value(x.path).key("score").value(x.score).end_object();
  w.end_array();
  w.key("mean_below_min").value(s.mean_below_min);
  w.end_object();
  w.key("gates").begin_array();
  for (const auto& g : s.gates) {
    w.begin_object().key("gate").value(gate_info(g.gate).name).key("enabled").value(g.enabled);
    w.key("setting").value(g.setting).key("failed").value(g.failed).key("failing_skills").value(g.failing);
    w.key("detail").value(g.detail).end_object();
  }
  w.end_array();
  w.key("verdict").begin_object().key("result").value(verdict_info(s.verdict).name);
  w.key("exit_code").value(s.exit_code).key("text").value(verdict_info(s.verdict).text).end_object();
  if (s.has_baseline) {
    w.key("baseline").begin_object();
    w.key("regressions").value(s.regressions);
    w.key("deltas").begin_array();
    for (const auto& d : s.deltas) {
      w.begin_object().key("path").value(d.path).key("before").value(d.before).key("after").value(d.after);
      w.key("delta").value(d.after - d.before).key("regression").value(d.regression).end_object();
    }
    w.end_array();
    w.key("added").begin_array();
    for (const auto& p : s.added) w.value(p);
    w.end_array();
    w.key("removed").begin_array();
    for (const auto& p : s.removed) w.value(p);
    w.end_array();
    w.end_object();
  }
  w.end_object();
  return w.take() + "\n";
}

}  // namespace skillscore::report
