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

std::string text_summary(const Summary& s, const TextStyle& style) {
  char buf[256];
  std::string out = "\n";
  std::snprintf(buf, sizeof buf, "%zu skill%s scored", s.scored, s.scored == 1 ? "" : "s");
  std::string head = buf;
  if (s.errors) head += ", " + std::to_string(s.errors) + (s.errors == 1 ? " file failed" : " files failed");
  out += paint(style, "1", head) + "\n";
  if (s.scored) {
    std::snprintf(buf, sizeof buf, "score: mean %.3f, median %.3f, min %.3f, max %.3f\n", s.mean, s.median, s.min, s.max);
    out += buf;
    out += "ratings:";
    for (const auto& [r, n] : s.ratings) out += " " + std::string(score::rating_label(r)) + " " + std::to_string(n) + ",";
    out.back() = '\n';
  }
  if (!s.top_issues.empty()) {
    out += "most frequent issues:\n";
    for (const auto& i : s.top_issues) {
      std::snprintf(buf, sizeof buf, "  %5zu  %s  ", i.skills, i.rule.c_str());
      out += buf + i.message + "\n";
    }
  }
  if (s.scored > 1 && !s.lowest.empty()) {
    out += "lowest scores:\n";
    for (const auto& x : s.lowest) {
      std::snprintf(buf, sizeof buf, "  %.3f  ", x.score);
      out += buf + x.path + "\n";
    }
  }
  if (s.has_baseline) {
    std::snprintf(buf, sizeof buf, "baseline: %zu regression%s, %zu new, %zu removed\n", s.regressions,
                  s.regressions == 1 ? "" : "s", s.added.size(), s.removed.size());
    out += buf;
    for (const auto& d : s.deltas) {
      if (d.after == d.before) continue;
      std::snprintf(buf, sizeof buf, "  %+.3f  %.3f -> %.3f  ", d.after - d.before, d.before, d.after);
      out += (d.regression ? paint(style, "31", buf) : std::string(buf)) + d.path + "\n";
    }
    for (const auto& p : s.added) out += "  new      " + p + "\n";
    for (const auto& p : s.removed) out += "  removed  " + p + "\n";
  }
  if (s.min_score && !s.below_min_score.empty()) {
    std::snprintf(buf, sizeof buf, "%zu skill%s below --min-score %.3f:\n", s.below_min_score.size(),
                  s.below_min_score.size() == 1 ? "" : "s", *s.min_score);
    out += paint(style, "31", buf);
    for (const auto& x : s.below_min_score) {
      std::snprintf(buf, sizeof buf, "  %.3f  ", x.score);
      out += buf + x.path + "\n";
    }
  }
  if (s.mean_below_min) {
    std::snprintf(buf, sizeof buf, "mean score %.3f is below --min-mean %.3f\n", s.mean, *s.min_mean);
    out += paint(style, "31", buf);
  }
  return out;
}

}  // namespace skillscore::report
