// Tests for src/report/text_report.cpp: the terminal report ("%.3f" scores,
// the reference's rating labels, line:col columns, gates and verdict).
#include <doctest/doctest.h>

#include <string>

#include "skillscore/report/text_report.hpp"

using namespace skillscore;
using namespace skillscore::report;

namespace {
Assessment sample() {
  Assessment a;
  a.path = "skills/x/SKILL.md";
  a.score.score = 0.5493478260869564;
  a.score.rating = score::Rating::NeedsImprovement;
  a.issues = {{"SS001", "frontmatter-yaml-error", rules::Severity::Error, "Frontmatter is not valid YAML", 3, "Fix it."},
              {"SF041", "strong-guidance", rules::Severity::Warning, "Missing strong guidance", 0, "Add a rule."}};
  return a;
}
}  // namespace

TEST_SUITE("report/text_report") {
  TEST_CASE("the path once, then one line per issue in columns, then a blank line") {
    // "%.3f" % 0.5493478260869564 == "0.549"
    CHECK(text_assessment(sample(), {}) ==
          "skills/x/SKILL.md  0.549  NEEDS IMPROVEMENT  2 issues\n"
          "  3  error    SS001  Frontmatter is not valid YAML\n"
          "  -  warning  SF041  Missing strong guidance\n\n");
  }

  TEST_CASE("columns are as wide as the widest entry of the skill") {
    Assessment a = sample();
    a.issues[0].line = 120;
    a.issues[0].column = 7;
    a.issues[1].rule = "X1";
    CHECK(text_assessment(a, {}) ==
          "skills/x/SKILL.md  0.549  NEEDS IMPROVEMENT  2 issues\n"
          "  120:7  error    SS001  Frontmatter is not valid YAML\n"
          "  -      warning  X1     Missing strong guidance\n\n");
  }

  TEST_CASE("a skill without issues is one line") {
    Assessment a = sample();
    a.issues.clear();
    CHECK(text_assessment(a, {}) == "skills/x/SKILL.md  0.549  NEEDS IMPROVEMENT\n");
  }

  TEST_CASE("singular issue and rounding") {
    Assessment a = sample();
    a.issues.resize(1);
    a.score.score = 0.9995;  // Python: "%.3f" % 0.9995 == "1.000"
    a.score.rating = score::Rating::Excellent;
    const std::string out = text_assessment(a, {});
    CHECK(out.find("  1.000  EXCELLENT  1 issue\n") != std::string::npos);
  }

  TEST_CASE("colour only when asked") {
    const std::string plain = text_assessment(sample(), {false});
    CHECK(plain.find('\x1b') == std::string::npos);
    const std::string coloured = text_assessment(sample(), {true});
    CHECK(coloured.find("\x1b[33mNEEDS IMPROVEMENT\x1b[0m") != std::string::npos);
    CHECK(coloured.find("\x1b[1m0.549\x1b[0m") != std::string::npos);
    CHECK(coloured.find("\x1b[31merror  \x1b[0m") != std::string::npos);    // severity by colour
    CHECK(coloured.find("\x1b[33mwarning\x1b[0m") != std::string::npos);
  }

  TEST_CASE("file errors") {
    CHECK(text_file_error({"bad/SKILL.md", "is a directory"}, {}) == "bad/SKILL.md  ERROR  is a directory\n");
    CHECK(text_file_error({"bad/SKILL.md", "x"}, {true}) == "\x1b[4mbad/SKILL.md\x1b[0m  \x1b[31mERROR\x1b[0m  x\n");
  }

  TEST_CASE("summary: totals, statistics and ratings") {
    Summary s;
    s.scored = 2;
    s.errors = 1;
    s.mean = 0.5;
    s.median = 0.5;
    s.min = 0.25;
    s.max = 0.75;
    s.ratings = {{score::Rating::Good, 1}, {score::Rating::Poor, 1}};
    const std::string out = text_statistics(s, {});
    CHECK(out.find("2 skills scored, 1 file failed\n") != std::string::npos);
    CHECK(out.find("score: mean 0.500, median 0.500, min 0.250, max 0.750\n") != std::string::npos);
    CHECK(out.find("ratings: GOOD 1, POOR 1\n") != std::string::npos);
  }

  TEST_CASE("every gate, a count line and the verdict") {
    SummaryBuilder b;
    GateSettings g;
    g.min_score = 0.6;
    g.fail_on = rules::Severity::Error;
    b.set_gates(g);
    b.add(sample());  // 0.549, one error: fails min-score and fail-on
    const Summary s = b.build();
    CHECK(text_verdict(s, {}) ==
          "gate min-score 0.600: failed (1 skill below)\n"
          "gate min-mean: not set\n"
          "gate fail-on error: failed (1 skill with such issues)\n"
          "gate regression: not set (no --baseline)\n"
          "2 issues (1 error, 1 warning, 0 info) in 1 of 1 skill\n"
          "verdict: failed (exit 1)\n");
    g.exit_zero = true;
    b.set_gates(g);
    CHECK(text_verdict(b.build(), {}).find("verdict: failed, exit 0 with --exit-zero (exit 0)\n") != std::string::npos);
  }
}
