// Tests for src/app/rules_command.cpp: `skillscore rules` and `skillscore explain`.
#include <doctest/doctest.h>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>

#include "skillscore/app/batch_command.hpp"
#include "skillscore/app/rules_command.hpp"

using namespace skillscore::app;

namespace {
std::string explain(const std::string& id, const std::string& profile = "", int* rc = nullptr) {
  RulesOptions o;
  if (!profile.empty()) {
    o.profile = profile;
    o.profile_given = true;
  }
  std::ostringstream out;
  const int code = run_explain(o, id, out);
  if (rc) *rc = code;
  return out.str();
}
}  // namespace

TEST_SUITE("app/rules_command") {
  TEST_CASE("rules lists every check with id, slug, severity, weight and title") {
    RulesOptions o;
    o.profile = "strict";
    o.format = skillscore::app::ListingFormat::Json;
    std::ostringstream out;
    REQUIRE(run_rules(o, out) == k_exit_ok);
    const auto j = nlohmann::json::parse(out.str());
    CHECK(j["profile"] == "strict");
    bool st021 = false, as017 = false;
    for (const auto& r : j["rules"]) {
      CHECK(r.contains("slug"));
      CHECK(r.contains("severity"));
      CHECK(r.contains("title"));
      if (r["id"] == "ST021") st021 = r["slug"] == "pattern-count" && r["severity"] == "warning";
      if (r["id"] == "AS017") as017 = r["severity"] == "error";
    }
    CHECK(st021);
    CHECK(as017);
  }

  TEST_CASE("explain prints what, why, the outcomes and where the examples are") {
    int rc = -1;
    const std::string text = explain("SF021", "", &rc);
    CHECK(rc == k_exit_ok);
    CHECK(text.rfind("SF021 pattern-count (skill-fleet-v2, warning)", 0) == 0);
    CHECK(text.find("Weight in the score: 0.08 (pattern_count)") != std::string::npos);
    CHECK(text.find("issue    when pattern_count >= 1") != std::string::npos);
    CHECK(text.find("Examples: tests/fixtures/rules/skill-fleet-v2/SF021/pass/") != std::string::npos);
    CHECK(explain("pattern-count").rfind("SF021 ", 0) == 0);  // by slug
  }

  TEST_CASE("explain names the automatic fix of a rule that has one") {
    CHECK(explain("AS017").find("Automatic fix: FX006 name-directory") != std::string::npos);
    CHECK(explain("SF021").find("Automatic fix") == std::string::npos);
  }

  TEST_CASE("explain finds another built-in profile's rule when no profile is named") {
    int rc = -1;
    CHECK(explain("ST021", "", &rc).rfind("ST021 pattern-count (strict, warning)", 0) == 0);
    CHECK(rc == k_exit_ok);
    explain("ST021", "skill-fleet-v2", &rc);  // named: only there
    CHECK(rc == k_exit_error);
    explain("NOPE", "", &rc);
    CHECK(rc == k_exit_error);
  }

  TEST_CASE("an included rule says where it comes from, and its examples are its home profile's") {
    const std::string text = explain("AS017", "strict");
    CHECK(text.rfind("AS017 name-directory-mismatch (strict, error)", 0) == 0);
    CHECK(text.find("From the agentskills profile, which strict includes.") != std::string::npos);
    CHECK(text.find("Examples: tests/fixtures/rules/agentskills/AS017/pass/") != std::string::npos);
  }
}
