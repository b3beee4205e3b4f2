// Tests for src/rules/loader.cpp: a rule file loads into a Profile, and every
// mistake in it is an error naming the file and the line.
#include <doctest/doctest.h>

#include <string>

#include "skillscore/rules/loader.hpp"
#include "tiny_profile.hpp"

using namespace skillscore::rules;
using skillscore::test::k_tiny_profile;
using skillscore::test::line_of;
using skillscore::test::load_tiny;
using skillscore::test::replaced;

namespace {
std::string load_error(const std::string& text) {
  std::string error;
  CHECK_FALSE(load_profile_text(text, "tiny.yaml", error).has_value());
  return error;
}
}  // namespace

TEST_SUITE("rules/loader") {
  TEST_CASE("a minimal valid profile loads") {
    const Profile p = load_tiny();
    CHECK(p.name == "tiny");
    CHECK(p.title == "A tiny profile");
    CHECK(p.source == "tiny.yaml");
    CHECK(p.document.frontmatter == skillscore::doc::FrontmatterMode::ReferenceSplit);
    REQUIRE(p.metrics.size() == 12);
    CHECK(p.metric_index("has_overview") == 0);
    CHECK(p.metric_index("double_patterns") == 11);
    CHECK(p.metric_index("nope") == -1);
    CHECK(p.metrics[0].type == ValueType::Bool);
    CHECK(p.metrics[1].type == ValueType::Int);
    CHECK(p.metrics[3].type == ValueType::Int);    // word_count
    CHECK(p.metrics[8].type == ValueType::Float);  // points
    CHECK(p.metrics[10].type == ValueType::String);
    CHECK(p.metrics[11].type == ValueType::Int);   // formula: int * int
    CHECK(p.metrics[1].source_line == line_of(k_tiny_profile, "- {name: pattern_count"));
    REQUIRE(p.checks.size() == 4);
    CHECK(p.checks[0].id == "T001");
    CHECK(p.checks[2].severity == Severity::Info);
    CHECK(p.checks[2].outcomes[0].severity == Severity::Error);  // the outcome's own
    CHECK(p.checks[1].outcomes[1].locate.kind == LocateKind::FirstMatch);
    CHECK(p.score.terms.size() == 2);
    CHECK(p.score.terms[1].scale == std::optional<double>(4.0));
    CHECK_FALSE(p.score.penalty.has_value());
    CHECK(p.report.metrics.size() == 4);
    CHECK(p.report.metrics[2].source == OutputSource::Score);
  }

  TEST_CASE("an unknown key names the file, the line and the key") {
    const std::string text = replaced(k_tiny_profile, "title: A tiny profile\n", "title: A tiny profile\ncolour: red\n");
    const std::string err = load_error(text);
    CHECK(err.find("tiny.yaml:" + std::to_string(line_of(text, "colour")) + ":") == 0);
    CHECK(err.find("unknown key 'colour'") != std::string::npos);
  }

  TEST_CASE("a bad regex names its line") {
    const std::string text = replaced(k_tiny_profile, R"(pattern: '###\s+\w+')", "pattern: '###(unclosed'");
    const std::string err = load_error(text);
    CHECK(err.find("tiny.yaml:" + std::to_string(line_of(text, "###(unclosed")) + ":") == 0);
    CHECK(err.find("bad regex") != std::string::npos);
    // Python constructs RE2 cannot express are load errors too.
    const std::string dollar = replaced(k_tiny_profile, R"('##\s*Overview')", R"('Overview$')");
    CHECK(load_error(dollar).find("MULTILINE") != std::string::npos);
  }

  TEST_CASE("a count pattern that can match the empty string is rejected, with its line") {
    // len(re.findall('b*?', 'bb')) is 5 in Python; RE2 cannot count that way.
    const std::string text = replaced(k_tiny_profile, R"(pattern: '###\s+\w+')", "pattern: 'b*?'");
    const std::string err = load_error(text);
    CHECK(err.find("tiny.yaml:" + std::to_string(line_of(text, "'b*?'")) + ":") == 0);
    CHECK(err.find("empty string") != std::string::npos);
  }

  TEST_CASE("a condition that is not bool is rejected") {
    const std::string text = replaced(k_tiny_profile, "{when: pattern_count >= 5, strength", "{when: pattern_count, strength");
    const std::string err = load_error(text);
    CHECK(err.find("a condition must be a bool expression") != std::string::npos);
    CHECK(err.find("tiny.yaml:" + std::to_string(line_of(text, "{when: pattern_count, strength")) + ":") == 0);
  }

  TEST_CASE("a metric used before it is defined is rejected") {
    // `quality` reads has_overview; move a reference to `style` (defined later) into it.
    const std::string text = replaced(k_tiny_profile, "{when: has_overview, add: 0.5}", "{when: style == 'rich', add: 0.5}");
    const std::string err = load_error(text);
    CHECK(err.find("unknown metric 'style'") != std::string::npos);
    CHECK(err.find("tiny.yaml:" + std::to_string(line_of(text, "style == 'rich'")) + ":") == 0);
  }

  TEST_CASE("duplicates and dangling references are rejected") {
    SUBCASE("duplicate check id") {
      const std::string text = replaced(k_tiny_profile, "id: T002", "id: T001");
      const std::string err = load_error(text);
      CHECK(err.find("check id 'T001' is used twice") != std::string::npos);
      CHECK(err.find("tiny.yaml:" + std::to_string(line_of(text, "slug: patterns") - 1) + ":") == 0);
    }
    SUBCASE("duplicate metric") {
      const std::string text = replaced(k_tiny_profile, "{name: desc_words,", "{name: desc_use_when,");
      CHECK(load_error(text).find("metric 'desc_use_when' is defined twice") != std::string::npos);
    }
    SUBCASE("unknown metric in a message") {
      const std::string text = replaced(k_tiny_profile, "'Add {double_patterns} more'", "'Add {triple} more'");
      CHECK(load_error(text).find("unknown metric '{triple}'") != std::string::npos);
    }
    SUBCASE("unknown rating") {
      const std::string text = replaced(k_tiny_profile, "rating: good}", "rating: great}");
      CHECK(load_error(text).find("unknown rating 'great'") != std::string::npos);
    }
    SUBCASE("not YAML at all") {
      CHECK(load_error("schema: [1\n").find("not valid YAML") != std::string::npos);
    }
  }

  TEST_CASE("the built-in skill-fleet-v2 profile loads") {
    std::string error;
    const auto p = load_builtin_profile("skill-fleet-v2", error);
    REQUIRE_MESSAGE(p.has_value(), error);
    CHECK(p->name == "skill-fleet-v2");
    REQUIRE(p->checks.size() >= 20);
    CHECK(p->checks[0].id == "SF001");
    CHECK(p->checks[1].id == "SF002");
    for (const auto& c : p->checks) CHECK(c.id.rfind("SF", 0) == 0);
    CHECK(p->score.terms.size() == 16);
    REQUIRE(p->score.penalty.has_value());
    CHECK(p->score.penalty->multipliers == std::vector<double>{0.70, 0.85, 0.95, 1.0});
    const auto names = builtin_profile_names();
    CHECK(std::find(names.begin(), names.end(), "skill-fleet-v2") != names.end());
  }

  TEST_CASE("an unknown profile name lists the built-in ones") {
    std::string error;
    CHECK_FALSE(load_builtin_profile("skill-fleet-v9", error).has_value());
    CHECK(error.find("unknown profile 'skill-fleet-v9'") != std::string::npos);
    CHECK(error.find("skill-fleet-v2") != std::string::npos);
  }

  TEST_CASE("load_profile_file names the path when it cannot read it") {
    std::string error;
    CHECK_FALSE(load_profile_file("/nonexistent/rules.yaml", error).has_value());
    CHECK(error.find("/nonexistent/rules.yaml") == 0);
  }
}
