// Tests for src/report/json_report.cpp: quality_assessment.json (schema 1),
// parsed back with nlohmann::json to check its structure and key order.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "skillscore/report/json_report.hpp"

using namespace skillscore;
using namespace skillscore::report;
using ordered = nlohmann::ordered_json;

namespace {
Assessment sample() {
  Assessment a;
  a.path = "skills/x/SKILL.md";
  a.profile = "skill-fleet-v2";
  a.score.score = 0.5493478260869564;
  a.score.rating = score::Rating::NeedsImprovement;
  a.strengths = {"Has skill name", "Shows both anti-patterns (\xE2\x9D\x8C) and production patterns (\xE2\x9C\x85)"};
  a.issues = {{"SF021", "pattern-count", rules::Severity::Warning, "Limited patterns (2), target is 5+", 24, "Add patterns."},
              {"SF041", "strong-guidance", rules::Severity::Warning, "Missing strong guidance", 0, "Add a rule."}};
  OutputValue fc{false, rules::Value::real(0.75), {}};
  OutputValue style{false, rules::Value::string("minimal"), {}};
  OutputValue count{false, rules::Value::integer(2), {}};
  OutputValue flag{false, rules::Value::boolean(true), {}};
  OutputValue issues{true, {}, {"Limited patterns (2), target is 5+", "Missing strong guidance"}};
  a.metrics = {{"frontmatter_completeness", fc}, {"skill_style_detected", style}, {"has_overview", flag}, {"issues", issues}};
  a.deterministic_metrics = {{"deterministic_score", OutputValue{false, rules::Value::real(0.5493478260869564), {}}},
                             {"pattern_count", count}};
  return a;
}
}  // namespace

TEST_SUITE("report/json_report") {
  TEST_CASE("assessment_json has the keys in the schema's order") {
    const ordered j = ordered::parse(assessment_json(sample(), 2));
    std::vector<std::string> keys;
    for (auto it = j.begin(); it != j.end(); ++it) keys.push_back(it.key());
    CHECK(keys == std::vector<std::string>{"schema_version", "tool", "profile", "path", "score", "rating", "strengths", "issues",
                                           "recommendations", "metrics", "deterministic_metrics", "calibrated_score"});
  }

  TEST_CASE("assessment_json values") {
    const ordered j = ordered::parse(assessment_json(sample(), 2));
    CHECK(j["schema_version"] == 1);
    CHECK(j["tool"]["name"] == "skillscore");
    CHECK(j["tool"]["version"] == SKILLSCORE_VERSION);
    CHECK(j["profile"] == "skill-fleet-v2");
    CHECK(j["path"] == "skills/x/SKILL.md");
    CHECK(j["score"].get<double>() == 0.5493478260869564);
    CHECK(j["calibrated_score"] == j["score"]);
    CHECK(j["rating"] == "NEEDS IMPROVEMENT");
    CHECK(j["strengths"].size() == 2);
    CHECK(j["strengths"][1] == "Shows both anti-patterns (\xE2\x9D\x8C) and production patterns (\xE2\x9C\x85)");
    REQUIRE(j["issues"].size() == 2);
    const auto& i0 = j["issues"][0];
    std::vector<std::string> issue_keys;
    for (auto it = i0.begin(); it != i0.end(); ++it) issue_keys.push_back(it.key());
    CHECK(issue_keys ==
          std::vector<std::string>{"rule", "slug", "severity", "message", "line", "column", "recommendation"});
    CHECK(i0["rule"] == "SF021");
    CHECK(i0["severity"] == "warning");
    CHECK(i0["line"] == 24);
    CHECK(j["issues"][1]["line"].is_null());  // no place
    CHECK(j["recommendations"] == ordered::array({"Add patterns.", "Add a rule."}));
    CHECK(j["metrics"]["frontmatter_completeness"].get<double>() == 0.75);
    CHECK(j["metrics"]["skill_style_detected"] == "minimal");
    CHECK(j["metrics"]["has_overview"] == true);
    CHECK(j["metrics"]["issues"].size() == 2);
    CHECK(j["metrics"].begin().key() == "frontmatter_completeness");  // the profile's order
    CHECK(j["deterministic_metrics"]["pattern_count"].is_number_integer());
  }

  TEST_CASE("floats are written as Python's repr, one line with indent 0") {
    const std::string compact = assessment_json(sample(), 0);
    CHECK(compact.find('\n') == std::string::npos);
    CHECK(compact.find("\"score\":0.5493478260869564,") != std::string::npos);
    CHECK(compact.find("\"frontmatter_completeness\":0.75,") != std::string::npos);
    const std::string pretty = assessment_json(sample(), 2);
    CHECK(pretty.find("\n  \"score\": 0.5493478260869564,\n") != std::string::npos);
  }

  TEST_CASE("batch_json holds assessments and errors") {
    const Assessment a = sample();
    const FileError e{"bad/SKILL.md", "not valid UTF-8 (invalid byte 0xe9 at offset 3)"};
    const std::string text = batch_json({&a, &a}, {&e}, "skill-fleet-v2");
    CHECK(text.back() == '\n');
    const ordered j = ordered::parse(text);
    CHECK(j["schema_version"] == 1);
    CHECK(j["profile"] == "skill-fleet-v2");
    CHECK(j["assessments"].size() == 2);
    CHECK(j["assessments"][1]["path"] == "skills/x/SKILL.md");
    REQUIRE(j["errors"].size() == 1);
    CHECK(j["errors"][0]["path"] == "bad/SKILL.md");
    CHECK(j["errors"][0]["error"] == e.message);
  }

  TEST_CASE("file_error_json is one JSON line") {
    const std::string line = file_error_json({"a\"b/SKILL.md", "is a directory"});
    CHECK(line == R"({"path":"a\"b/SKILL.md","error":"is a directory"})");
  }
}
