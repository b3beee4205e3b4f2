// The terminal report, laid out as eslint, ruff and markdownlint-cli2 do: a
// skill's path once, then one line per issue in columns
//   line:col  severity  rule  message
// and at the end the statistics, every gate, a count line and the verdict.
#include "skillscore/report/text_report.hpp"

#include <algorithm>
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

const char* severity_color(rules::Severity s) {
  switch (s) {
    case rules::Severity::Error: return "31";
    case rules::Severity::Warning: return "33";
    case rules::Severity::Info: return "36";
  }
  return "0";
}

// "12:5", "12" (column unknown) or "-" (the finding is about the whole file).
std::string position(const Issue& i) {
  if (!i.line) return "-";
  return i.column ? std::to_string(i.line) + ":" + std::to_string(i.column) : std::to_string(i.line);
}

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

std::string plural(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

}  // namespace

std::string text_assessment(const Assessment& a, const TextStyle& style) {
  char score[32];
  std::snprintf(score, sizeof score, "%.3f", a.score.score);
  std::string out = paint(style, "4", a.path) + "  " + paint(style, "1", score) + "  " +
                    paint(style, rating_color(a.score.rating), std::string(score::rating_label(a.score.rating)));
  if (a.issues.empty()) return out + "\n";
  out += "  " + plural(a.issues.size(), "issue", "issues") + "\n";
  std::size_t pos_w = 0, rule_w = 0;
  for (const auto& i : a.issues) {
    pos_w = std::max(pos_w, position(i).size());
    rule_w = std::max(rule_w, i.rule.size());
  }
  for (const auto& i : a.issues) {
    const std::string sev(rules::kind_name(rules::severities(), i.severity));
    out += "  " + paint(style, "2", pad(position(i), pos_w)) + "  " + paint(style, severity_color(i.severity), pad(sev, 7)) +
           "  " + pad(i.rule, rule_w) + "  " + i.message + "\n";
  }
  return out + "\n";
}

std::string text_file_error(const FileError& e, const TextStyle& style) {
  return paint(style, "4", e.path) + "  " + paint(style, "31", "ERROR") + "  " + e.message + "\n";
}

std::string text_statistics(const Summary& s, const TextStyle& style) {
  char buf[256];
  std::string out;
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
  return out;
}

std::string text_verdict(const Summary& s, const TextStyle& style) {
  std::string out;
  for (const auto& g : s.gates) {
    const std::string line = "gate " + gate_sentence(g);
    out += (g.failed ? paint(style, "31", line) : line) + "\n";
  }
  const auto count = [&](rules::Severity sev) {
    auto it = s.issues_by_severity.find(sev);
    return it == s.issues_by_severity.end() ? std::size_t{0} : it->second;
  };
  const std::size_t errors = count(rules::Severity::Error), warnings = count(rules::Severity::Warning),
                    infos = count(rules::Severity::Info);
  std::string line = plural(errors + warnings + infos, "issue", "issues") + " (" + plural(errors, "error", "errors") +
                     ", " + plural(warnings, "warning", "warnings") + ", " + std::to_string(infos) + " info) in " +
                     std::to_string(s.skills_with_issues) + " of " + plural(s.scored, "skill", "skills");
  if (s.errors) line += ", " + plural(s.errors, "file", "files") + " not scored";
  out += paint(style, "1", line) + "\n";
  const VerdictInfo& v = verdict_info(s.verdict);
  const std::string verdict = "verdict: " + std::string(v.text) + " (exit " + std::to_string(s.exit_code) + ")";
  out += paint(style, s.verdict == Verdict::Pass ? "1;32" : "1;31", verdict) + "\n";
  return out;
}

}  // namespace skillscore::report
