// Tests for src/report/sarif_reporter.cpp: a SARIF 2.1.0 log whose results
// point at described rules, with stable fingerprints.
#include <doctest/doctest.h>

#include <filesystem>

#include "skillscore/assess/diagnostics.hpp"

#include <cstddef>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "skillscore/report/reporter.hpp"
#include "skillscore/report/rule_docs.hpp"
#include "skillscore/report/summary.hpp"
#include "skillscore/rules/loader.hpp"

#include "report_fixture.hpp"

using namespace skillscore::test::report_fixture;

namespace {

using nlohmann::json;

json render_sarif(const Fixture& f) { return json::parse(f.render(report::Format::Sarif)); }

std::string percent_decode(const std::string& s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size()) {
      out += static_cast<char>(std::stoi(s.substr(i + 1, 2), nullptr, 16));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

// The fingerprint of the only result of a one-issue run.
std::string fingerprint_of(const std::string& path, const Issue& issue) {
  auto r = report::make_reporter(report::Format::Sarif, {});
  r->add(make_assessment(path, 0.5, score::Rating::NeedsImprovement, {issue}));
  const json j = json::parse(r->finish({}));
  return j["runs"][0]["results"][0]["partialFingerprints"]["skillscore/v1"].get<std::string>();
}

}  // namespace

TEST_SUITE("report/sarif") {
  TEST_CASE("log header, tool and run properties") {
    const Fixture f;
    const json j = render_sarif(f);
    CHECK(j["$schema"] == "https://json.schemastore.org/sarif-2.1.0.json");
    CHECK(j["version"] == "2.1.0");
    REQUIRE(j["runs"].size() == 1);
    const json& driver = j["runs"][0]["tool"]["driver"];
    CHECK(driver["name"] == "skillscore");
    CHECK(driver["version"] == SKILLSCORE_VERSION);
    CHECK(driver["informationUri"] == "https://github.com/skillscore/skillscore");
    CHECK(j["runs"][0]["properties"]["profile"] == "skill-fleet-v2");
  }

  TEST_CASE("rules: every check of the profile and skillscore's diagnostics, unique") {
    const Fixture f;
    const json j = render_sarif(f);
    const json& rules = j["runs"][0]["tool"]["driver"]["rules"];
    std::set<std::string> ids;
    for (const auto& r : rules) {
      CHECK(ids.insert(r["id"].get<std::string>()).second);
      CHECK(r["shortDescription"]["text"].is_string());
      CHECK_FALSE(r["fullDescription"]["text"].get<std::string>().empty());
      CHECK_FALSE(r["help"]["text"].get<std::string>().empty());
      CHECK_FALSE(r["help"]["markdown"].get<std::string>().empty());
      const std::string level = r["defaultConfiguration"]["level"];
      CHECK((level == "error" || level == "warning" || level == "note"));
    }
    CHECK(ids.count("SF001"));
    CHECK(ids.count("SS001"));
    CHECK(ids.count("SS002"));
    for (const auto& c : f.profile.checks) CHECK(ids.count(c.id));
    CHECK(ids.count("SS003"));
    // The profile's checks plus every one of skillscore's own diagnostics.
    CHECK(rules.size() == f.profile.checks.size() + skillscore::assess::diagnostics().size());
    for (const auto& r : rules) {
      if (r["id"] == "SF012") {
        CHECK(r["name"] == "SectionCorePatterns");
        // The rule's generated page, which the repository holds.
        CHECK(r["helpUri"] == "https://github.com/skillscore/skillscore/blob/main/docs/rules/SF012.md");
        CHECK(std::filesystem::is_regular_file(std::filesystem::path(SKILLSCORE_SOURCE_DIR) / "docs/rules/SF012.md"));
        CHECK(r["help"]["text"].get<std::string>().find(r["fullDescription"]["text"].get<std::string>()) == 0);
        CHECK(r["help"]["markdown"].get<std::string>().find("(" + report::rule_doc_url("SF012") + ")") != std::string::npos);
      }
      if (r["id"] == "SS001") CHECK(r["defaultConfiguration"]["level"] == "error");
    }
  }

  TEST_CASE("results: one per issue, pointing at their rule") {
    const Fixture f;
    const json j = render_sarif(f);
    const json& rules = j["runs"][0]["tool"]["driver"]["rules"];
    const json& results = j["runs"][0]["results"];
    REQUIRE(results.size() == 4);
    for (const auto& r : results) {
      const std::size_t index = r["ruleIndex"];
      REQUIRE(index < rules.size());
      CHECK(rules[index]["id"] == r["ruleId"]);
      const std::string level = r["level"];
      CHECK((level == "error" || level == "warning" || level == "note"));
      REQUIRE(r["locations"].size() == 1);
      const json& loc = r["locations"][0]["physicalLocation"];
      CHECK(loc["artifactLocation"]["uriBaseId"] == "%SRCROOT%");
      CHECK(r["partialFingerprints"]["skillscore/v1"].get<std::string>().size() == 16);
      CHECK(r["properties"]["score"].is_number());
    }
    // In order: the first skill's issues, then the second's.
    CHECK(results[0]["ruleId"] == "SF012");
    CHECK(results[0]["level"] == "warning");
    CHECK(results[0]["message"]["text"] == "Missing \"Core Patterns\" section\n\nRecommendation: Add a Core Patterns section.");
    CHECK(results[0]["properties"]["recommendation"] == "Add a Core Patterns section.");
    CHECK(results[1]["level"] == "note");
    CHECK(results[2]["ruleId"] == "SS001");
    CHECK(results[2]["level"] == "error");
    CHECK(results[3]["message"]["text"] == "name <missing> & 'empty'");
    CHECK(results[0]["properties"]["score"] == 0.8125);
    CHECK(results[2]["properties"]["score"] == 0.412);
  }

  TEST_CASE("a region on every result (line 1 for the whole file); URIs decode to the path") {
    const Fixture f;
    const json j = render_sarif(f);
    const json& results = j["runs"][0]["results"];
    CHECK(results[0]["locations"][0]["physicalLocation"]["region"]["startLine"] == 1);
    CHECK(results[0]["properties"]["wholeFile"] == true);
    CHECK_FALSE(results[1]["properties"].contains("wholeFile"));
    CHECK(results[1]["locations"][0]["physicalLocation"]["region"]["startLine"] == 3);
    CHECK(results[2]["locations"][0]["physicalLocation"]["region"]["startLine"] == 2);
    const std::string uri0 = results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    const std::string uri2 = results[2]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"];
    CHECK(percent_decode(uri0) == k_comma_path);
    CHECK(percent_decode(uri2) == k_script_path);
    CHECK(uri2.find_first_of("<>'\": ") == std::string::npos);
  }

  TEST_CASE("absolute paths become file: URIs without a base; ./ is dropped") {
    auto r = report::make_reporter(report::Format::Sarif, {});
    const Issue i = make_issue("SF001", "frontmatter-name", Severity::Error, "m", 0);
    r->add(make_assessment("/srv/skills/a b/SKILL.md", 0.5, score::Rating::Poor, {i}));
    r->add(make_assessment("./skills/c/SKILL.md", 0.5, score::Rating::Poor, {i}));
    const json j = json::parse(r->finish({}));
    const json& a = j["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    CHECK(a["uri"] == "file:///srv/skills/a%20b/SKILL.md");
    CHECK_FALSE(a.contains("uriBaseId"));
    const json& b = j["runs"][0]["results"][1]["locations"][0]["physicalLocation"]["artifactLocation"];
    CHECK(b["uri"] == "skills/c/SKILL.md");
    CHECK(b["uriBaseId"] == "%SRCROOT%");
  }

  TEST_CASE("with a source root: URIs relative to it, files outside it absolute") {
    report::RunContext c;
    c.source_root = "/repo";
    c.cwd = "/repo/skills";
    auto r = report::make_reporter(report::Format::Sarif, c);
    const Issue i = make_issue("SF001", "frontmatter-name", Severity::Error, "m", 0);
    r->add(make_assessment("a/SKILL.md", 0.5, score::Rating::Poor, {i}));
    r->add(make_assessment("../../elsewhere/SKILL.md", 0.5, score::Rating::Poor, {i}));
    r->add(make_assessment("/repo/x/../b/SKILL.md", 0.5, score::Rating::Poor, {i}));
    const json j = json::parse(r->finish({}));
    auto loc = [&](int k) { return j["runs"][0]["results"][k]["locations"][0]["physicalLocation"]["artifactLocation"]; };
    CHECK(loc(0)["uri"] == "skills/a/SKILL.md");
    CHECK(loc(0)["uriBaseId"] == "%SRCROOT%");
    CHECK(loc(1)["uri"] == "file:///elsewhere/SKILL.md");
    CHECK_FALSE(loc(1).contains("uriBaseId"));
    CHECK(loc(2)["uri"] == "b/SKILL.md");
  }

  TEST_CASE("fingerprints: stable, independent of the line, different for another message, path or rule") {
    const Fixture f;
    const json a = render_sarif(f), b = render_sarif(f);
    const json& ra = a["runs"][0]["results"];
    const json& rb = b["runs"][0]["results"];
    std::set<std::string> all;
    for (std::size_t k = 0; k < ra.size(); ++k) {
      CHECK(ra[k]["partialFingerprints"] == rb[k]["partialFingerprints"]);
      all.insert(ra[k]["partialFingerprints"]["skillscore/v1"].get<std::string>());
    }
    CHECK(all.size() == ra.size());

    const Issue base = make_issue("SF012", "section-core-patterns", Severity::Warning, "Missing section", 10, "Add it.");
    Issue moved = base;
    moved.line = 42;
    Issue reworded = base;
    reworded.message = "Missing the section";
    Issue other_rule = base;
    other_rule.rule = "SF013";
    const std::string fp = fingerprint_of("s/SKILL.md", base);
    CHECK(fp == fingerprint_of("s/SKILL.md", moved));
    CHECK(fp != fingerprint_of("s/SKILL.md", reworded));
    CHECK(fp != fingerprint_of("t/SKILL.md", base));
    CHECK(fp != fingerprint_of("s/SKILL.md", other_rule));
  }

  TEST_CASE("file errors are tool execution notifications") {
    const Fixture f;
    const json j = render_sarif(f);
    const json& inv = j["runs"][0]["invocations"];
    REQUIRE(inv.size() == 1);
    CHECK(inv[0]["executionSuccessful"] == false);
    REQUIRE(inv[0]["toolExecutionNotifications"].size() == 1);
    const json& n = inv[0]["toolExecutionNotifications"][0];
    CHECK(n["level"] == "error");
    CHECK(n["message"]["text"] == k_error_path + ": cannot read file: permission denied\nsecond line");

    auto r = report::make_reporter(report::Format::Sarif, f.context());
    r->add(f.assessments[2]);
    const json ok = json::parse(r->finish({}));
    CHECK(ok["runs"][0]["invocations"][0]["executionSuccessful"] == true);
    CHECK(ok["runs"][0]["results"].empty());
  }

  TEST_CASE("pretty-printed, deterministic, nothing streamed") {
    const Fixture f;
    const std::string out = f.render(report::Format::Sarif);
    CHECK(out.rfind("{\n  \"$schema\": ", 0) == 0);
    CHECK(out.back() == '\n');
    CHECK(out == f.render(report::Format::Sarif));
    auto r = report::make_reporter(report::Format::Sarif, f.context());
    r->add(f.assessments[0]);
    CHECK(r->take_streamed().empty());
  }

  TEST_CASE("a rule outside the profile is still described") {
    auto r = report::make_reporter(report::Format::Sarif, {});
    r->add(make_assessment("a.md", 0.5, score::Rating::Poor,
                           {make_issue("XX999", "made-up-rule", Severity::Info, "m", 0)}));
    const json j = json::parse(r->finish({}));
    const json& rules = j["runs"][0]["tool"]["driver"]["rules"];
    const std::size_t index = j["runs"][0]["results"][0]["ruleIndex"];
    REQUIRE(index < rules.size());
    CHECK(rules[index]["id"] == "XX999");
    CHECK(rules[index]["name"] == "MadeUpRule");
    CHECK(rules[index]["defaultConfiguration"]["level"] == "note");
  }
}
