// --format markdown: a summary for $GITHUB_STEP_SUMMARY or a pull-request
// comment: totals, ratings, the most frequent issues, the lowest scores, the
// verdict with every gate, and the changes since a baseline. Written once, at
// the end.
#include <cstdio>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report_util.hpp"
#include "reporters.hpp"
#include "skillscore/score/rating.hpp"

namespace skillscore::report {
namespace {

// Text in a table cell or a list item: markdown and HTML specials are
// backslash-escaped, line breaks become <br>.
std::string md_text(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    switch (c) {
      case '\\': case '`': case '*': case '_': case '[': case ']': case '<': case '>':
      case '|': case '#': case '~': case '&': case '!':
        out += '\\';
        out += c;
        break;
      case '\r':
        if (i + 1 < s.size() && s[i + 1] == '\n') ++i;
        out += "<br>";
        break;
      case '\n': out += "<br>"; break;
      default: out += c;
    }
  }
  return out;
}

// A code span (paths, rule ids). Line breaks become spaces; in a table a `|`
// is escaped (GFM removes the backslash even inside code); the fence is longer
// than any run of backticks inside.
std::string md_code(std::string_view s, bool in_table) {
  std::string body;
  std::size_t run = 0, longest = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    if (run > longest) longest = run;
    if (c == '\r' || c == '\n') body += ' ';
    else if (c == '|' && in_table) body += "\\|";
    else body += c;
  }
  const std::string fence(longest + 1, '`');
  const bool pad = !body.empty() && (body.front() == '`' || body.back() == '`' || body.front() == ' ' || body.back() == ' ');
  return pad ? fence + " " + body + " " + fence : fence + body + fence;
}

std::string signed3(double v) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%+.3f", v);
  return buf;
}

class MarkdownReporter final : public Reporter {
 public:
  explicit MarkdownReporter(const RunContext& c) : profile_(c.profile ? c.profile->name : "") {}

  void add(const Assessment& a) override {
    if (profile_.empty()) profile_ = a.profile;
  }
  void add_error(const FileError& e) override { errors_.push_back(e); }

  std::string finish(const Summary& s) override {
    std::string out = "## skillscore\n\n";
    out += totals(s);
    out += gates(s);
    if (s.scored) {
      out += "\n| Rating | Skills |\n| --- | ---: |\n";
      for (const auto& [r, n] : s.ratings) out += "| " + std::string(score::rating_label(r)) + " | " + std::to_string(n) + " |\n";
    }
    if (!s.top_issues.empty()) {
      out += "\n### Most frequent issues\n\n| Rule | Skills affected | Message |\n| --- | ---: | --- |\n";
      for (const auto& i : s.top_issues) {
        out += "| " + md_code(i.rule, true) + (i.slug.empty() ? std::string() : std::string(" ").append(md_text(i.slug))) + " | " +
               std::to_string(i.skills) + " | " + md_text(i.message) + " |\n";
      }
    }
    if (!s.lowest.empty()) {
      out += "\n### Lowest scores\n\n| Path | Score | Rating |\n| --- | ---: | --- |\n";
      for (const auto& x : s.lowest) {
        out += "| " + md_code(x.path, true) + " | " + detail::fixed3(x.score) + " | " +
               std::string(score::rating_label(x.rating)) + " |\n";
      }
    }
    out += threshold(s);
    if (s.has_baseline) out += baseline(s);
    if (!errors_.empty()) {
      out += "\n### Files that could not be scored\n\n| Path | Error |\n| --- | --- |\n";
      for (const auto& e : errors_) out += "| " + md_code(e.path, true) + " | " + md_text(e.message) + " |\n";
    }
    return out;
  }

 private:
  std::string totals(const Summary& s) const {
    std::string out = "**" + detail::count_noun(s.scored, "skill", "skills") + "** scored";
    if (!profile_.empty()) out += " with profile " + md_code(profile_, false);
    if (s.errors) out += ", " + detail::count_noun(s.errors, "file", "files") + " could not be scored";
    if (s.scored) {
      out += ": mean **" + detail::fixed3(s.mean) + "**, median " + detail::fixed3(s.median) + ", min " +
             detail::fixed3(s.min) + ", max " + detail::fixed3(s.max);
    }
    return out + ".\n";
  }

  // The verdict the exit code gives, every gate, and the skills below --min-score.
  static std::string gates(const Summary& s) {
    if (s.gates.empty()) return {};  // not a run's summary: nothing was decided
    const VerdictInfo& v = verdict_info(s.verdict);
    std::string out = "\n**Verdict: " + std::string(v.text) + "** (exit " + std::to_string(s.exit_code) + ").\n\n";
    out += "| Gate | Setting | Result |\n| --- | --- | --- |\n";
    for (const auto& g : s.gates) {
      std::string result = !g.enabled ? "not enforced" : g.failed ? "**failed**" : "passed";
      if (!g.detail.empty()) result += ": " + md_text(g.detail);
      out += "| " + md_code(gate_info(g.gate).option, true) + " | " + md_text(g.setting) + " | " + result + " |\n";
    }
    return out;
  }

  static std::string threshold(const Summary& s) {
    if (!s.min_score || s.below_min_score.empty()) return {};
    std::string out = "\n### Below threshold\n\n**" + detail::count_noun(s.below_min_score.size(), "skill", "skills") +
                      "** below `--min-score " + detail::fixed3(*s.min_score) +
                      "`:\n\n| Path | Score | Rating |\n| --- | ---: | --- |\n";
    for (const auto& x : s.below_min_score) {
      out += "| " + md_code(x.path, true) + " | " + detail::fixed3(x.score) + " | " +
             std::string(score::rating_label(x.rating)) + " |\n";
    }
    return out;
  }

  static std::string baseline(const Summary& s) {
    std::string out = "\n### Changes since baseline\n\n";
    out += detail::count_noun(s.regressions, "regression", "regressions") + ", " + std::to_string(s.added.size()) +
           " new, " + std::to_string(s.removed.size()) + " removed.\n";
    std::size_t unchanged = 0;
    std::string rows;
    for (const auto& d : s.deltas) {  // regressions first, then by path
      if (d.after == d.before) {
        ++unchanged;
        continue;
      }
      const std::string delta = signed3(d.after - d.before);
      rows += "| " + md_code(d.path, true) + " | " + detail::fixed3(d.before) + " | " + detail::fixed3(d.after) + " | " +
              (d.regression ? "**" + delta + "** (regression)" : delta) + " |\n";
    }
    if (!rows.empty()) out += "\n| Path | Before | After | Delta |\n| --- | ---: | ---: | ---: |\n" + rows;
    if (unchanged) out += "\n" + detail::count_noun(unchanged, "skill", "skills") + " unchanged.\n";
    if (!s.added.empty()) {
      out += "\nNew:\n\n";
      for (const auto& p : s.added) out += "- " + md_code(p, false) + "\n";
    }
    if (!s.removed.empty()) {
      out += "\nRemoved:\n\n";
      for (const auto& p : s.removed) out += "- " + md_code(p, false) + "\n";
    }
    return out;
  }

  std::string profile_;
  std::vector<FileError> errors_;
};

}  // namespace

std::unique_ptr<Reporter> make_markdown_reporter(const RunContext& c) { return std::make_unique<MarkdownReporter>(c); }

}  // namespace skillscore::report
