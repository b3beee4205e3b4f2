#pragma once
// The assessments, errors and summary the reporter tests render: paths and
// messages with commas, quotes, markup and line breaks, issues with and
// without lines, one unreadable file.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/report/reporter.hpp"
#include "skillscore/report/summary.hpp"
#include "skillscore/rules/loader.hpp"

// Internal linkage: each test file gets its own copy of these helpers.
namespace skillscore::test::report_fixture {
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

Assessment make_assessment(std::string path, double score, score::Rating rating, std::vector<Issue> issues,
                           std::vector<std::string> strengths = {}) {
  Assessment a;
  a.path = std::move(path);
  a.profile = "skill-fleet-v2";
  a.score.score = score;
  a.score.base = score;
  a.score.rating = rating;
  a.issues = std::move(issues);
  a.strengths = std::move(strengths);
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
    c.gates.min_score = min_score;
    return c;
  }

  report::Summary summary(std::optional<double> min_score = std::nullopt, std::optional<double> min_mean = std::nullopt,
                          bool baseline = false) const {
    report::SummaryBuilder b;
    b.set_gates({min_score, min_mean, {}, false, 0.0, false});
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
}  // namespace skillscore::test::report_fixture
