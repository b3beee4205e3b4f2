// Tests for src/assess/assess.cpp with the built-in skill-fleet-v2 profile.
// Expected strengths, issues, metrics and scores are the reference's
// (assess_skill_quality in Qredence/skill-fleet skill_quality.py, run in python3).
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "skillscore/assess/assess.hpp"
#include "skillscore/rules/loader.hpp"
#include "sample_skill.hpp"
#include "tiny_profile.hpp"

using namespace skillscore;
using skillscore::test::k_skill;
using skillscore::test::line_of;

namespace {
const rules::Profile& profile() {
  static const rules::Profile p = [] {
    std::string error;
    auto loaded = rules::load_builtin_profile("skill-fleet-v2", error);
    REQUIRE_MESSAGE(loaded.has_value(), error);
    return std::move(*loaded);
  }();
  return p;
}

assess::Assessment assess_text(const std::string& text) {
  const doc::Document d("skills/flaky/SKILL.md", text, profile().document.frontmatter);
  return assess::assess(profile(), d);
}

const assess::OutputValue& metric(const assess::Assessment& a, std::string_view key) {
  for (const auto& [k, v] : a.metrics) {
    if (k == key) return v;
  }
  FAIL("no metric " << key);
  return a.metrics.front().second;
}
}  // namespace

TEST_SUITE("assess/assess") {
  TEST_CASE("a good skill: strengths in the reference's order, issues with rule ids and lines") {
    const assess::Assessment a = assess_text(k_skill);
    CHECK(a.path == "skills/flaky/SKILL.md");
    CHECK(a.profile == "skill-fleet-v2");
    CHECK(a.score.score == 0.5493478260869564);
    CHECK(a.score.rating == score::Rating::NeedsImprovement);
    CHECK(a.strengths == std::vector<std::string>{
                             "Has skill name", "Description follows 'Use when...' pattern", "Complete metadata section",
                             "Has Overview section", "Has When to Use section", "Has Core Patterns section",
                             "Shows both anti-patterns (\xE2\x9D\x8C) and production patterns (\xE2\x9C\x85)",
                             "Includes key insights after patterns", "All code blocks have language specification",
                             "Code examples are complete (no placeholders)", "Code examples are substantial",
                             "Has code examples (2 blocks)", "Has clear core principle statement",
                             "Has Good/Bad contrast examples", "High-quality description with specific triggers"});
    REQUIRE(a.issues.size() == 2);
    CHECK(a.issues[0].rule == "SF021");
    CHECK(a.issues[0].slug == "pattern-count");
    CHECK(a.issues[0].message == "Limited patterns (2), target is 5+");
    CHECK(a.issues[0].line == line_of(k_skill, "### Pattern 1"));
    CHECK_FALSE(a.issues[0].recommendation.empty());
    CHECK(a.issues[1].rule == "SF041");
    CHECK(a.issues[1].message == "Missing strong guidance (add imperative rules like 'NO X WITHOUT Y')");
    CHECK(a.issues[1].line == 0);
  }

  TEST_CASE("report metrics follow SkillQualityScores.to_dict()") {
    const assess::Assessment a = assess_text(k_skill);
    std::vector<std::string> keys;
    for (const auto& [k, v] : a.metrics) keys.push_back(k);
    CHECK(keys == std::vector<std::string>{
                      "frontmatter_completeness", "has_overview", "has_when_to_use", "has_when_to_use_section",
                      "has_quick_start", "has_quick_reference", "pattern_count", "has_anti_patterns",
                      "has_production_patterns", "has_key_insights", "has_common_mistakes", "has_red_flags",
                      "has_real_world_impact", "code_examples_count", "code_examples_quality", "has_core_principle",
                      "has_strong_guidance", "has_good_bad_contrast", "description_quality",
                      "uses_progressive_disclosure", "skill_style_detected", "overall_score", "issues", "strengths"});
    CHECK(metric(a, "frontmatter_completeness").value.f == 0.75);
    CHECK(metric(a, "pattern_count").value.i == 2);
    CHECK(metric(a, "code_examples_quality").value.f == 1.0);
    CHECK(metric(a, "description_quality").value.f == 1.0);
    CHECK(metric(a, "skill_style_detected").value.s == "minimal");
    CHECK(metric(a, "overall_score").value.f == 0.5493478260869564);
    CHECK(metric(a, "issues").list.size() == 2);
    CHECK(metric(a, "strengths").list == a.strengths);
  }

  TEST_CASE("a YAML error in the frontmatter: SS001 first, frontmatter read as {}") {
    const std::string text = "---\nname: broken\ndescription: Use when x: it breaks\n---\n\n## Overview\n\nText.\n";
    const assess::Assessment a = assess_text(text);
    REQUIRE(a.issues.size() == 13);
    CHECK(a.issues[0].rule == "SS001");
    CHECK(a.issues[0].severity == rules::Severity::Error);
    CHECK(a.issues[0].line == 3);
    CHECK(a.issues[0].message.find("Frontmatter is not valid YAML") == 0);
    CHECK(a.issues[1].rule == "SF001");
    CHECK(a.issues[1].message == "Missing required 'name' field");
    CHECK(a.issues[12].message == "Description lacks specific triggering conditions");
    // The reference's own issue list does not hold skillscore's diagnostic.
    CHECK(metric(a, "issues").list.size() == 12);
    CHECK(metric(a, "issues").list.front() == "Missing required 'name' field");
    CHECK(metric(a, "frontmatter_completeness").value.f == 0.0);
    CHECK(metric(a, "description_quality").value.f == 0.0);
    CHECK(a.strengths == std::vector<std::string>{"Has Overview section"});
    CHECK(a.score.score == 0.0);
    CHECK(a.score.rating == score::Rating::Poor);
  }

  TEST_CASE("a frontmatter list is unusable: SS002") {
    const assess::Assessment a = assess_text("---\n- a\n- b\n---\n\n## Overview\n");
    REQUIRE_FALSE(a.issues.empty());
    CHECK(a.issues[0].rule == "SS002");
    CHECK(a.issues[1].rule == "SF001");
    CHECK(metric(a, "frontmatter_completeness").value.f == 0.0);
  }

  // PyYAML loads a shared-alias bomb (nothing is copied): only skillscore's
  // guard fires, and SS002 says so rather than "the reference fails".
  TEST_CASE("skillscore's own limit: SS002 with the limit title") {
    std::string bomb = "---\na: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'h'; ++c) {
      bomb += std::string(1, c) + ": &" + c + " [";
      for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
      bomb += "]\n";
    }
    const assess::Assessment a = assess_text(bomb + "---\n\n## Overview\n");
    REQUIRE_FALSE(a.issues.empty());
    CHECK(a.issues[0].rule == "SS002");
    CHECK(a.issues[0].message.find("Frontmatter is beyond skillscore's limits") == 0);
    CHECK(a.issues[0].message.find("the reference fails") == std::string::npos);
    const assess::Assessment list = assess_text("---\n- a\n---\n\n## Overview\n");
    CHECK(list.issues[0].message.find("(the reference fails on this input)") != std::string::npos);
  }
}
