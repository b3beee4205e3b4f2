#include "skillscore/report/text_report.hpp"

#include <cstdio>

#include "skillscore/rules/kinds.hpp"
#include "skillscore/score/rating.hpp"

namespace skillscore::report {
namespace {

std::string paint(const TextStyle& s, const char* code, const std::string& text) {
  return s.color ? std::string("\x1b[") + code + "m" + text + "\x1b[0m" : text;
}

const char* rating_color(score::Rating r) {
  switch (r) {
    case score::Rating::Excellent: return "32";
    case score::Rating::Good: return "36";
    case score::Rating::NeedsImprovement: return "33";
    case score::Rating::Poor: return "31";
  }
  return "0";
}

}  // namespace

std::string text_assessment(const Assessment& a, const TextStyle& style) {
  char score[32];
  std::snprintf(score, sizeof score, "%.3f", a.score.score);
  std::string out = a.path + "  " + paint(style, "1", score) + "  " +
                    paint(style, rating_color(a.score.rating), std::string(score::rating_label(a.score.rating))) + "  (" +
                    std::to_string(a.issues.size()) + (a.issues.size() == 1 ? " issue)\n" : " issues)\n");
  for (const auto& i : a.issues) {
    const std::string where = i.line ? a.path + ":" + std::to_string(i.line) : a.path;
    out += "  " + paint(style, "2", where) + "  " + i.rule + " " +
           std::string(rules::kind_name(rules::severities(), i.severity)) + ": " + i.message + "\n";
  }
  return out;
}

std::string text_file_error(const FileError& e, const TextStyle& style) {
  return e.path + "  " + paint(style, "31", "ERROR") + "  " + e.message + "\n";
}

std::string text_totals(std::size_t scored, std::size_t errors, double mean, const TextStyle& style) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%zu skill%s scored, mean %.3f%s\n", scored, scored == 1 ? "" : "s", mean,
                errors ? (", " + std::to_string(errors) + (errors == 1 ? " file failed" : " files failed")).c_str() : "");
  return paint(style, "1", buf);
}

}  // namespace skillscore::report
