// Tests for src/rules/engine.cpp: the first outcome whose condition holds
// fires, in check order, with rendered messages and file lines.
#include <doctest/doctest.h>

#include <string>

#include "skillscore/doc/document.hpp"
#include "skillscore/rules/engine.hpp"
#include "skillscore/rules/metrics.hpp"
#include "tiny_profile.hpp"

using namespace skillscore;
using namespace skillscore::rules;
using skillscore::test::line_of;
using skillscore::test::load_tiny;

namespace {
const std::string k_doc =
    "---\nname: demo\ndescription: Use when testing things\nmetadata:\n  version: 0\n---\n"
    "# Demo\n\n## Overview\nText.\n\n### Alpha\n### Beta\n";

std::vector<Finding> findings(const Profile& p, const std::string& text) {
  const doc::Document d("SKILL.md", text, p.document.frontmatter);
  return evaluate_checks(p, evaluate_metrics(p, d), d);
}
}  // namespace

TEST_SUITE("rules/engine") {
  TEST_CASE("outcomes, messages with {metric} and locations") {
    const Profile p = load_tiny();
    const auto f = findings(p, k_doc);
    REQUIRE(f.size() == 3);  // T004 has no outcome for a falsy version
    CHECK(f[0].check == 0);
    CHECK(f[0].kind == OutcomeKind::Strength);
    CHECK(f[0].message == "Has overview");
    CHECK(f[0].line == 0);

    CHECK(f[1].check == 1);
    CHECK(f[1].kind == OutcomeKind::Issue);
    CHECK(f[1].severity == Severity::Warning);  // the check's default
    CHECK(f[1].message == "Only 2 patterns (some), quality 1.0");  // floats as str(): "1.0"
    CHECK(f[1].recommendation == "Add 4 more");
    CHECK(f[1].line == line_of(k_doc, "### Alpha"));  // first_match: pattern_count

    CHECK(f[2].check == 2);
    CHECK(f[2].severity == Severity::Error);  // the outcome overrides the check's info
    CHECK(f[2].message == "Description has 4 words");
    CHECK(f[2].line == line_of(k_doc, "description:"));  // frontmatter_key
  }

  TEST_CASE("fall-through to the else outcome, and no place without the key") {
    const Profile p = load_tiny();
    const auto f = findings(p, "# Title\n\nNothing here.\n");
    REQUIRE(f.size() == 3);
    CHECK(f[0].kind == OutcomeKind::Issue);
    CHECK(f[0].message == "Missing overview");
    CHECK(f[0].recommendation == "Add a \"## Overview\".");
    CHECK(f[1].message == "No patterns");
    CHECK(f[1].line == 0);
    CHECK(f[2].message == "Description has 0 words");
    CHECK(f[2].line == 0);  // no frontmatter, no line
  }

  TEST_CASE("the first matching outcome wins") {
    const Profile p = load_tiny();
    const std::string many = k_doc + "### C\n### D\n### E\n";
    const auto f = findings(p, many);
    REQUIRE(f.size() >= 2);
    CHECK(f[1].kind == OutcomeKind::Strength);
    CHECK(f[1].message == "Many patterns (5)");
  }

  TEST_CASE("render substitutes metric values as Python's str()") {
    Template t;
    t.parts = {{"a=", -1}, {"", 0}, {", b=", -1}, {"", 1}, {", c=", -1}, {"", 2}};
    const std::vector<Value> values = {Value::boolean(false), Value::real(0.1 * 3), Value::string("x")};
    CHECK(render(t, values) == "a=False, b=0.30000000000000004, c=x");
    CHECK(render(Template{}, values) == "");
  }
}
