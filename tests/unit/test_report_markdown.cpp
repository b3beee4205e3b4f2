// Tests for src/report/markdown_reporter.cpp: the summary for
// $GITHUB_STEP_SUMMARY, with tables whose cells cannot break the table.
#include <doctest/doctest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/report/reporter.hpp"
#include "skillscore/report/summary.hpp"
#include "skillscore/rules/loader.hpp"

namespace {

using namespace skillscore;
using report::Assessment;
using report::FileError;
using report::Issue;
using rules::Severity;

Issue make_issue(std::string rule, std::string slug, Severity sev, std::string message, std::size_t line,
                 std::string recommendation = "") {
  Issue i;
  i.rule = std::move(rule);
  i.slug = std::move(slug);
  i.severity = sev;
  i.message = std::move(message);
  i.line = line;
  i.recommendation = std::move(recommendation);
  return i;
}

Assessment make_assessment(std::string path, double score, score::Rating rating, std::vector<Issue> issues) {
  Assessment a;
  a.path = std::move(path);
  a.profile = "skill-fleet-v2";
  a.score.score = score;
  a.score.base = score;
  a.score.rating = rating;
  a.issues = std::move(issues);
  return a;
}

const std::string k_comma_path = "skills/a,b/SKILL.md";
const std::string k_script_path = "skills/<script>alert('x:1')</script>/SKILL.md";
const std::string k_quote_path = "skills/\"quoted\" & co/SKILL.md";
const std::string k_error_path = "skills/broken, \"x\"/SKILL.md";

// Three skills (paths with commas, quotes, markup) and one file error.
struct Fixture {
  std::vector<Assessment> assessments;
  std::vector<FileError> errors;
  rules::Profile profile;

  Fixture() {
    std::string err;
    auto p = rules::load_builtin_profile("skill-fleet-v2", err);
    REQUIRE_MESSAGE(p.has_value(), err);
    profile = std::move(*p);
    assessments.push_back(make_assessment(
        k_comma_path, 0.8125, score::Rating::Good,
        {make_issue("SF012", "section-core-patterns", Severity::Warning, "Missing \"Core Patterns\" section", 0,
                    "Add a Core Patterns section."),
         make_issue("SF030", "code-language", Severity::Info, "Code block at line 3 has no language: 50% of blocks", 3,
                    "Tag code blocks.")}));
    assessments.push_back(make_assessment(
        k_script_path, 0.412, score::Rating::Poor,
        {make_issue("SS001", "frontmatter-yaml-error", Severity::Error,
                    "Frontmatter: bad YAML\nline two | pipe, colon: here\x01", 2, "Fix the YAML."),
         make_issue("SF001", "frontmatter-name", Severity::Error, "name <missing> & 'empty'", 1)}));
    assessments.push_back(make_assessment(k_quote_path, 0.95, score::Rating::Excellent, {}));
    errors.push_back({k_error_path, "cannot read file: permission denied\nsecond line"});
  }

  report::RunContext context(std::optional<double> min_score = std::nullopt) const {
    report::RunContext c;
    c.profile = &profile;
    c.min_score = min_score;
    return c;
  }

  report::Summary summary(std::optional<double> min_score = std::nullopt, std::optional<double> min_mean = std::nullopt,
                          bool baseline = false) const {
    report::SummaryBuilder b;
    b.set_thresholds(min_score, min_mean);
    if (baseline) {
      b.set_baseline({{k_comma_path, 0.9}, {k_script_path, 0.3}, {k_quote_path, 0.95}, {"skills/gone/SKILL.md", 0.5}},
                     0.01);
    }
    for (const auto& a : assessments) b.add(a);
    for (std::size_t i = 0; i < errors.size(); ++i) b.add_error();
    return b.build();
  }

  // Renders everything with a fresh reporter: streamed output, then the rest.
  std::string render(report::Format format, std::optional<double> min_score = std::nullopt,
                     std::optional<double> min_mean = std::nullopt, bool baseline = false) const {
    auto r = report::make_reporter(format, context(min_score));
    REQUIRE(r != nullptr);
    std::string out;
    for (const auto& a : assessments) {
      r->add(a);
      out += r->take_streamed();
    }
    for (const auto& e : errors) r->add_error(e);
    out += r->take_streamed();
    out += r->finish(summary(min_score, min_mean, baseline));
    return out;
  }
};

[[maybe_unused]] std::size_t count(std::string_view hay, std::string_view needle) {
  std::size_t n = 0;
  for (auto pos = hay.find(needle); pos != std::string_view::npos; pos = hay.find(needle, pos + needle.size())) ++n;
  return n;
}

[[maybe_unused]] std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    auto end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    lines.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

namespace {

// Cell separators in a table row: '|' not preceded by a backslash.
std::size_t separators(const std::string& row) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < row.size(); ++i) {
    if (row[i] == '|' && (i == 0 || row[i - 1] != '\\')) ++n;
  }
  return n;
}

// Every table (a run of lines starting with '|') has the column count of its
// header in every row, and a delimiter row second.
bool tables_consistent(const std::string& md, std::size_t& tables, std::string& why) {
  const auto lines = split_lines(md);
  tables = 0;
  for (std::size_t i = 0; i < lines.size();) {
    if (lines[i].empty() || lines[i][0] != '|') {
      ++i;
      continue;
    }
    ++tables;
    const std::size_t cols = separators(lines[i]);
    if (i + 1 >= lines.size() || lines[i + 1].find("| ---") != 0) return why = "no delimiter row: " + lines[i], false;
    for (; i < lines.size() && !lines[i].empty() && lines[i][0] == '|'; ++i) {
      if (separators(lines[i]) != cols) return why = "wrong cell count: " + lines[i], false;
      if (lines[i].back() != '|') return why = "row not closed: " + lines[i], false;
    }
  }
  return true;
}

// The lines of the section under `heading`, up to the next heading.
std::string section(const std::string& md, const std::string& heading) {
  const auto start = md.find("\n" + heading + "\n");
  if (start == std::string::npos) return {};
  const auto end = md.find("\n### ", start + 1);
  return md.substr(start, end == std::string::npos ? std::string::npos : end - start);
}

}  // namespace

TEST_SUITE("report/markdown") {
  TEST_CASE("heading, totals and ratings") {
    const Fixture f;
    const std::string md = f.render(report::Format::Markdown);
    CHECK(md.rfind("## skillscore\n\n", 0) == 0);
    CHECK(md.find("**3 skills** scored with profile `skill-fleet-v2`, 1 file could not be scored: mean **0.725**, "
                  "median 0.812, min 0.412, max 0.950.\n") != std::string::npos);
    CHECK(md.find("| Rating | Skills |\n| --- | ---: |\n| EXCELLENT | 1 |\n| GOOD | 1 |\n| NEEDS IMPROVEMENT | 0 |\n"
                  "| POOR | 1 |\n") != std::string::npos);
  }

  TEST_CASE("most frequent issues and lowest scores") {
    const Fixture f;
    const std::string md = f.render(report::Format::Markdown);
    const std::string issues = section(md, "### Most frequent issues");
    REQUIRE_FALSE(issues.empty());
    CHECK(issues.find("| Rule | Skills affected | Message |") != std::string::npos);
    CHECK(count(issues, "\n| `S") == 4);
    // '|' escaped, the line break a <br>, markup escaped.
    CHECK(issues.find("| `SS001` frontmatter-yaml-error | 1 | Frontmatter: bad YAML<br>line two \\| pipe, colon: here") !=
          std::string::npos);
    CHECK(issues.find("| `SF001` frontmatter-name | 1 | name \\<missing\\> \\& 'empty' |") != std::string::npos);
    const std::string lowest = section(md, "### Lowest scores");
    CHECK(lowest.find("| Path | Score | Rating |") != std::string::npos);
    const auto script = lowest.find("| `skills/<script>alert('x:1')</script>/SKILL.md` | 0.412 | POOR |");
    const auto comma = lowest.find("| `skills/a,b/SKILL.md` | 0.812 | GOOD |");
    const auto quote = lowest.find("| `skills/\"quoted\" & co/SKILL.md` | 0.950 | EXCELLENT |");
    CHECK(script != std::string::npos);
    CHECK(comma != std::string::npos);
    CHECK(quote != std::string::npos);
    CHECK((script < comma && comma < quote));
  }

  TEST_CASE("every table keeps its shape") {
    const Fixture f;
    const std::string md = f.render(report::Format::Markdown, 0.7, 0.9, true);
    std::size_t tables = 0;
    std::string why;
    CHECK_MESSAGE(tables_consistent(md, tables, why), why);
    CHECK(tables == 6);  // ratings, issues, lowest, below threshold, baseline, file errors
  }

  TEST_CASE("below threshold, only with a threshold") {
    const Fixture f;
    CHECK(f.render(report::Format::Markdown).find("### Below threshold") == std::string::npos);
    const std::string md = f.render(report::Format::Markdown, 0.7, 0.9);
    const std::string below = section(md, "### Below threshold");
    CHECK(below.find("**1 skill** below `--min-score 0.700`:") != std::string::npos);
    CHECK(below.find("| `skills/<script>alert('x:1')</script>/SKILL.md` | 0.412 | POOR |") != std::string::npos);
    CHECK(below.find("Mean score 0.725 is **below** `--min-mean 0.900`.") != std::string::npos);
    const std::string ok = f.render(report::Format::Markdown, 0.1);
    CHECK(ok.find("All skills meet `--min-score 0.100`.") != std::string::npos);
  }

  TEST_CASE("changes since baseline: regressions first, new and removed") {
    const Fixture f;
    CHECK(f.render(report::Format::Markdown).find("### Changes since baseline") == std::string::npos);
    const std::string md = f.render(report::Format::Markdown, std::nullopt, std::nullopt, true);
    const std::string base = section(md, "### Changes since baseline");
    REQUIRE_FALSE(base.empty());
    CHECK(base.find("1 regression, 0 new, 1 removed.") != std::string::npos);
    CHECK(base.find("| Path | Before | After | Delta |") != std::string::npos);
    const auto regression = base.find("| `skills/a,b/SKILL.md` | 0.900 | 0.812 | **-0.088** (regression) |");
    const auto gain = base.find("| `skills/<script>alert('x:1')</script>/SKILL.md` | 0.300 | 0.412 | +0.112 |");
    CHECK(regression != std::string::npos);
    CHECK(gain != std::string::npos);
    CHECK(regression < gain);
    CHECK(base.find("1 skill unchanged.") != std::string::npos);
    CHECK(base.find("Removed:\n\n- `skills/gone/SKILL.md`\n") != std::string::npos);
  }

  TEST_CASE("file errors") {
    const Fixture f;
    const std::string md = f.render(report::Format::Markdown);
    const std::string errors = section(md, "### Files that could not be scored");
    CHECK(errors.find("| `skills/broken, \"x\"/SKILL.md` | cannot read file: permission denied<br>second line |") !=
          std::string::npos);
  }

  TEST_CASE("code spans survive pipes, backticks and line breaks in paths") {
    auto r = report::make_reporter(report::Format::Markdown, {});
    r->add(make_assessment("a|b`c\nd.md", 0.5, score::Rating::NeedsImprovement, {}));
    const std::string md = r->finish([] {
      report::SummaryBuilder b;
      b.add(make_assessment("a|b`c\nd.md", 0.5, score::Rating::NeedsImprovement, {}));
      return b.build();
    }());
    CHECK(md.find("| ``a\\|b`c d.md`` | 0.500 | NEEDS IMPROVEMENT |") != std::string::npos);
    std::size_t tables = 0;
    std::string why;
    CHECK_MESSAGE(tables_consistent(md, tables, why), why);
  }

  TEST_CASE("no skills: the heading and the totals only") {
    auto r = report::make_reporter(report::Format::Markdown, {});
    CHECK(r->finish({}) == "## skillscore\n\n**0 skills** scored.\n");
  }

  TEST_CASE("deterministic, nothing streamed") {
    const Fixture f;
    CHECK(f.render(report::Format::Markdown, 0.7, 0.9, true) == f.render(report::Format::Markdown, 0.7, 0.9, true));
    auto r = report::make_reporter(report::Format::Markdown, f.context());
    r->add(f.assessments[0]);
    CHECK(r->take_streamed().empty());
  }
}
