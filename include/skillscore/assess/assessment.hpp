#pragma once
// The result for one skill, as every reporter reads it.
#include <cstddef>
#include <string>
#include <utility>
#include <vector>

#include "skillscore/rules/kinds.hpp"
#include "skillscore/rules/value.hpp"
#include "skillscore/score/scorer.hpp"

namespace skillscore::assess {

struct Issue {
  std::string rule;  // "SF012" (profile checks) or "SS001" (skillscore's own diagnostics)
  std::string slug;
  rules::Severity severity = rules::Severity::Warning;
  std::string message;
  std::size_t line = 0;    // 0: no place
  std::string recommendation;
  std::size_t column = 0;  // 1-based, in code points; 0: unknown
};

// A reported metric: a value, or a list of strings (issues, strengths).
struct OutputValue {
  bool is_list = false;
  rules::Value value;
  std::vector<std::string> list;
};

struct Assessment {
  std::string path;     // as given on the command line / found in a directory
  std::string profile;
  score::ScoreResult score;
  std::vector<std::string> strengths;
  std::vector<Issue> issues;  // skillscore's diagnostics first, then the profile's, in order
  std::vector<std::pair<std::string, OutputValue>> metrics;
  std::vector<std::pair<std::string, OutputValue>> deterministic_metrics;
};

// A file that could not be scored.
struct FileError {
  std::string path;
  std::string message;
};

}  // namespace skillscore::assess
