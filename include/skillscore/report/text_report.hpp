#pragma once
// The short human summary on a terminal.
#include <string>

#include "skillscore/report/assessment.hpp"
#include "skillscore/report/summary.hpp"

namespace skillscore::report {

struct TextStyle {
  bool color = false;
};

std::string text_assessment(const Assessment& a, const TextStyle& style);
std::string text_file_error(const FileError& e, const TextStyle& style);
// Totals, statistics, ratings, frequent issues, lowest scores, skills below
// --min-score and baseline changes (for runs of more than one file).
std::string text_statistics(const Summary& s, const TextStyle& style);
// Every gate, the count line and the verdict the exit code gives (every run).
std::string text_verdict(const Summary& s, const TextStyle& style);

}  // namespace skillscore::report
