#pragma once
// Batch totals: counts, score statistics, ratings, frequent issues, the
// lowest-scoring skills, threshold failures and baseline deltas.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "skillscore/report/assessment.hpp"
#include "skillscore/report/gates.hpp"
#include "skillscore/score/rating.hpp"

namespace skillscore::report {

struct IssueCount {
  std::string rule;
  std::string slug;
  std::string message;    // the most recent text seen for the rule
  std::size_t skills = 0; // skills with at least one issue of this rule
};

struct SkillScore {
  std::string path;
  double score = 0.0;
  score::Rating rating = score::Rating::Poor;
};

struct BaselineDelta {
  std::string path;
  double before = 0.0;
  double after = 0.0;
  bool regression = false;  // dropped by more than the tolerance
};

struct Summary {
  std::size_t scored = 0;
  std::size_t errors = 0;
  double mean = 0.0;
  double median = 0.0;
  double min = 0.0;
  double max = 0.0;
  std::map<score::Rating, std::size_t> ratings;
  std::map<rules::Severity, std::size_t> issues_by_severity;  // every issue of every skill
  std::size_t skills_with_issues = 0;
  std::vector<IssueCount> top_issues;   // most frequent first
  std::vector<SkillScore> lowest;       // lowest score first
  std::optional<double> min_score;      // thresholds, when set
  std::optional<double> min_mean;
  std::vector<SkillScore> below_min_score;
  bool mean_below_min = false;
  // With a baseline: deltas of skills in both runs, and what appeared or went.
  bool has_baseline = false;
  std::vector<BaselineDelta> deltas;    // regressions first, then by path
  std::vector<std::string> added;
  std::vector<std::string> removed;
  std::size_t regressions = 0;
  // Every gate, in the table's order, and what the exit code says.
  std::vector<GateResult> gates;
  std::size_t fail_on_skills = 0;  // skills with an issue at or above --fail-on
  std::size_t problems = 0;        // errors besides unscored files (discovery, writing)
  Verdict verdict = Verdict::Pass;
  int exit_code = 0;
};

// Accumulates results one by one, keeping only what the summary needs.
class SummaryBuilder {
 public:
  void set_gates(const GateSettings& gates);
  // Scores of a previous run by path; a drop of more than `tolerance` is a regression.
  void set_baseline(std::map<std::string, double> scores, double tolerance);
  void add(const Assessment& a);
  void add_error();    // a file that could not be scored
  void add_problem();  // any other error that makes the run exit 2
  Summary build(std::size_t top_n = 10) const;

 private:
  void evaluate_gates(Summary& s) const;
  std::vector<SkillScore> scores_;
  std::unordered_map<std::string, IssueCount> issues_;  // by rule; build() sorts them
  std::size_t errors_ = 0;
  GateSettings gates_;
  std::size_t fail_on_skills_ = 0;
  std::map<rules::Severity, std::size_t> by_severity_;
  std::size_t skills_with_issues_ = 0;
  std::size_t problems_ = 0;
  std::optional<std::map<std::string, double>> baseline_;
  double tolerance_ = 0.0;
};

std::string summary_json(const Summary& s);

}  // namespace skillscore::report
