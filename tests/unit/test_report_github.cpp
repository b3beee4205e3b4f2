// Tests for src/report/github_reporter.cpp: GitHub Actions workflow commands,
// one line per issue, escaped as @actions/core escapes them.
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

const std::string k_comma_file = "skills/a%2Cb/SKILL.md";
const std::string k_script_file = "skills/<script>alert('x%3A1')</script>/SKILL.md";

// "::cmd props::data": the command is known, properties are key=value pairs
// with no raw ',' or ':' inside values, and no raw CR or LF anywhere.
bool valid_command(const std::string& line) {
  if (line.rfind("::", 0) != 0) return false;
  if (line.find_first_of("\r\n") != std::string::npos) return false;
  const auto end = line.find("::", 2);
  if (end == std::string::npos) return false;
  const std::string head = line.substr(2, end - 2);
  const auto space = head.find(' ');
  const std::string cmd = head.substr(0, space);
  if (cmd != "error" && cmd != "warning" && cmd != "notice") return false;
  if (space == std::string::npos) return true;
  const std::string props = head.substr(space + 1);
  std::size_t start = 0;
  while (start <= props.size()) {
    auto comma = props.find(',', start);
    if (comma == std::string::npos) comma = props.size();
    const std::string kv = props.substr(start, comma - start);
    const auto eq = kv.find('=');
    if (eq == std::string::npos) return false;
    const std::string key = kv.substr(0, eq);
    if (key != "file" && key != "line" && key != "title" && key != "col" && key != "endLine") return false;
    if (kv.find(':') != std::string::npos) return false;
    start = comma + 1;
  }
  return true;
}

}  // namespace

TEST_SUITE("report/github") {
  TEST_CASE("one command per issue and per file error, then the failed gates and the verdict") {
    const Fixture f;
    const std::string out = f.render(report::Format::Github, 0.7, 0.9);
    REQUIRE(out.back() == '\n');
    const auto lines = split_lines(out);
    REQUIRE(lines.size() == 8);
    for (const auto& l : lines) CHECK_MESSAGE(valid_command(l), l);
    CHECK(lines[0] == "::warning file=" + k_comma_file +
                          ",title=SF012 section-core-patterns::Missing \"Core Patterns\" section%0AAdd a Core Patterns section.");
    CHECK(lines[1] == "::notice file=" + k_comma_file +
                          ",line=3,title=SF030 code-language::Code block at line 3 has no language: 50%25 of blocks%0ATag "
                          "code blocks.");
    CHECK(lines[2] == "::error file=" + k_script_file +
                          ",line=2,title=SS001 frontmatter-yaml-error::Frontmatter: bad YAML%0Aline two | pipe, colon: "
                          "here\x01%0AFix the YAML.");
    CHECK(lines[3] == "::error file=" + k_script_file + ",line=1,title=SF001 frontmatter-name::name <missing> & 'empty'");
    CHECK(lines[4] == "::error file=skills/broken%2C \"x\"/SKILL.md::cannot read file: permission denied%0Asecond line");
    CHECK(lines[5] == "::error title=skillscore gate min-score::min-score 0.700: failed (1 skill below)");
    CHECK(lines[6] == "::error title=skillscore gate min-mean::min-mean 0.900: failed (mean 0.725)");
    CHECK(lines[7] == "::error title=skillscore verdict::error: files could not be read, scored or written (exit 2)"
                      "%0Amin-score 0.700: failed (1 skill below)%0Amin-mean 0.900: failed (mean 0.725)"
                      "%0Afail-on: none%0Aregression: not set (no --baseline)");
  }

  TEST_CASE("line= only when the line is known") {
    const Fixture f;
    const auto lines = split_lines(f.render(report::Format::Github));
    REQUIRE(lines.size() == 6);
    CHECK(lines[0].find(",line=") == std::string::npos);
    CHECK(lines[1].find(",line=3,") != std::string::npos);
    CHECK(lines[4].find("line=") == std::string::npos);
  }

  TEST_CASE("escaping of data and properties") {
    auto r = report::make_reporter(report::Format::Github, {});
    r->add(make_assessment("dir:x,y/100%\r\n.md", 0.5, score::Rating::Poor,
                           {make_issue("SF001", "a:b,c", Severity::Warning, "50% done\r\nnext: a, b", 7)}));
    const std::string out = r->finish({});
    CHECK(out == "::warning file=dir%3Ax%2Cy/100%25%0D%0A.md,line=7,title=SF001 a%3Ab%2Cc::50%25 done%0D%0Anext: a, b\n");
    CHECK(valid_command(out.substr(0, out.size() - 1)));
  }

  TEST_CASE("streamed as skills come; without thresholds the verdict only") {
    const Fixture f;
    auto r = report::make_reporter(report::Format::Github, f.context());
    r->add(f.assessments[0]);
    const std::string first = r->take_streamed();
    CHECK(count(first, "\n") == 2);
    CHECK(r->take_streamed().empty());
    r->add(f.assessments[2]);  // no issues: no line
    CHECK(r->take_streamed().empty());
    r->add_error(f.errors[0]);
    CHECK(count(r->take_streamed(), "\n") == 1);
    const std::string end = r->finish(f.summary());
    CHECK(count(end, "\n") == 1);
    CHECK(end.find("::error title=skillscore verdict::error") == 0);
  }

  TEST_CASE("a passing run: a notice states the verdict and every gate") {
    report::SummaryBuilder b;
    report::GateSettings g;
    g.min_score = 0.5;
    b.set_gates(g);
    b.add(make_assessment("a.md", 0.6, score::Rating::NeedsImprovement, {}));
    auto r = report::make_reporter(report::Format::Github, {});
    CHECK(r->finish(b.build()) == "::notice title=skillscore verdict::passed (exit 0)%0Amin-score 0.500: passed (0 skills "
                                  "below)%0Amin-mean: not set%0Afail-on: none%0Aregression: not set (no --baseline)\n");
  }

  TEST_CASE("deterministic") {
    const Fixture f;
    CHECK(f.render(report::Format::Github, 0.7, 0.9) == f.render(report::Format::Github, 0.7, 0.9));
  }
}
