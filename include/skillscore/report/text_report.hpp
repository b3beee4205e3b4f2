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
// Totals, statistics, ratings, frequent issues, lowest scores, threshold
// failures and baseline changes.
std::string text_summary(const Summary& s, const TextStyle& style);

}  // namespace skillscore::report
