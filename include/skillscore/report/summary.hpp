#pragma once
// Batch totals: counts, score statistics, ratings, frequent issues, the
// lowest-scoring skills, threshold failures and baseline deltas.
#include <cstddef>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "skillscore/report/assessment.hpp"
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
};

// Accumulates results one by one, keeping only what the summary needs.
class SummaryBuilder {
 public:
  void set_thresholds(std::optional<double> min_score, std::optional<double> min_mean);
  // Scores of a previous run by path; a drop of more than `tolerance` is a regression.
  void set_baseline(std::map<std::string, double> scores, double tolerance);
  void add(const Assessment& a);
  void add_error();
  Summary build(std::size_t top_n = 10) const;

 private:
  std::vector<SkillScore> scores_;
  std::map<std::string, IssueCount> issues_;
  std::size_t errors_ = 0;
  std::optional<double> min_score_, min_mean_;
  std::optional<std::map<std::string, double>> baseline_;
  double tolerance_ = 0.0;
};

std::string summary_json(const Summary& s);

}  // namespace skillscore::report
