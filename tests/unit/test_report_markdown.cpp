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

#include "report_fixture.hpp"

using namespace skillscore::test::report_fixture;

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
    CHECK(tables == 7);  // gates, ratings, issues, lowest, below threshold, baseline, file errors
  }

  TEST_CASE("below threshold, only with a threshold") {
    const Fixture f;
    CHECK(f.render(report::Format::Markdown).find("### Below threshold") == std::string::npos);
    const std::string md = f.render(report::Format::Markdown, 0.7, 0.9);
    const std::string below = section(md, "### Below threshold");
    CHECK(below.find("**1 skill** below `--min-score 0.700`:") != std::string::npos);
    CHECK(below.find("| `skills/<script>alert('x:1')</script>/SKILL.md` | 0.412 | POOR |") != std::string::npos);
    const std::string ok = f.render(report::Format::Markdown, 0.1);
    CHECK(ok.find("### Below threshold") == std::string::npos);
    CHECK(ok.find("| `--min-score` | 0.100 | passed: 0 skills below |") != std::string::npos);
  }

  TEST_CASE("the verdict and every gate") {
    const Fixture f;
    const std::string md = f.render(report::Format::Markdown, 0.7, 0.9);
    CHECK(md.find("**Verdict: error: files could not be read, scored or written** (exit 2).") != std::string::npos);
    CHECK(md.find("| `--min-score` | 0.700 | **failed**: 1 skill below |") != std::string::npos);
    CHECK(md.find("| `--min-mean` | 0.900 | **failed**: mean 0.725 |") != std::string::npos);
    CHECK(md.find("| `--fail-on` | none | not enforced |") != std::string::npos);
    CHECK(md.find("| `--fail-on-regression` | not set (no --baseline) | not enforced |") != std::string::npos);
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
