#include "skillscore/report/summary.hpp"

#include <algorithm>
#include <set>

#include "skillscore/report/json_writer.hpp"

namespace skillscore::report {

void SummaryBuilder::set_thresholds(std::optional<double> min_score, std::optional<double> min_mean) {
  min_score_ = min_score;
  min_mean_ = min_mean;
}

void SummaryBuilder::set_baseline(std::map<std::string, double> scores, double tolerance) {
  baseline_ = std::move(scores);
  tolerance_ = tolerance;
}

void SummaryBuilder::add(const Assessment& a) {
  scores_.push_back({a.path, a.score.score, a.score.rating});
  std::set<std::string> seen;
  for (const auto& i : a.issues) {
    if (!seen.insert(i.rule).second) continue;
    auto& c = issues_[i.rule];
    c.rule = i.rule;
    c.slug = i.slug;
    c.message = i.message;
    ++c.skills;
  }
}

void SummaryBuilder::add_error() { ++errors_; }

Summary SummaryBuilder::build(std::size_t top_n) const {
  Summary s;
  s.scored = scores_.size();
  s.errors = errors_;
  s.min_score = min_score_;
  s.min_mean = min_mean_;
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
  if (min_score_) {
    for (const auto& x : scores_) {
      if (x.score < *min_score_) s.below_min_score.push_back(x);
    }
  }
  s.mean_below_min = min_mean_ && !scores_.empty() && s.mean < *min_mean_;
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
  return s;
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
