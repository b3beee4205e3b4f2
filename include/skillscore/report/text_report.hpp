#pragma once
// The short human summary on a terminal.
#include <string>

#include "skillscore/report/assessment.hpp"

namespace skillscore::report {

struct TextStyle {
  bool color = false;
};

std::string text_assessment(const Assessment& a, const TextStyle& style);
std::string text_file_error(const FileError& e, const TextStyle& style);
std::string text_totals(std::size_t scored, std::size_t errors, double mean, const TextStyle& style);

}  // namespace skillscore::report
