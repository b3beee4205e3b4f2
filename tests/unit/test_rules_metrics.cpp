// Tests for src/rules/metrics.cpp (and scope_text.cpp): metric values of a
// small document under the tiny profile, checked against what Python computes
// (re.findall, len, str.split, the sums in order).
#include <doctest/doctest.h>

#include <string>

#include "crash_guard.hpp"
#include "skillscore/doc/document.hpp"
#include "skillscore/rules/metrics.hpp"
#include "tiny_profile.hpp"

using namespace skillscore;
using namespace skillscore::rules;
using skillscore::test::line_of;
using skillscore::test::load_tiny;

namespace {
const std::string k_doc =
    "---\nname: demo\ndescription: Use when testing things\nmetadata:\n  version: 0\n---\n"
    "# Demo\n\n## Overview\nText.\n\n### Alpha\n### Beta\n\n"
    "```python\na = 1\nb = 2\nc = 3\n```\n\n```\nx\n```\n";

const Value& metric(const Profile& p, const MetricResults& r, std::string_view name) {
  const int i = p.metric_index(name);
  REQUIRE(i >= 0);
  return r.values[static_cast<std::size_t>(i)];
}
std::size_t first_line(const Profile& p, const MetricResults& r, std::string_view name) {
  return r.first_line[static_cast<std::size_t>(p.metric_index(name))];
}
}  // namespace

TEST_SUITE("rules/metrics") {
  TEST_CASE("every kind of metric on a small document") {
    const Profile p = load_tiny();
    const doc::Document d("SKILL.md", k_doc, p.document.frontmatter);
    const MetricResults r = evaluate_metrics(p, d);
    REQUIRE(r.values.size() == p.metrics.size());
    CHECK(metric(p, r, "has_overview").b);
    CHECK(metric(p, r, "pattern_count").i == 2);
    CHECK(metric(p, r, "desc_use_when").b);
    CHECK(metric(p, r, "desc_words").i == 4);
    CHECK_FALSE(metric(p, r, "version_set").b);     // metadata.version: 0 is falsy
    CHECK(metric(p, r, "body_length").i == 89);     // len(parts[2].strip())
    CHECK(metric(p, r, "blocks").i == 2);           // re.findall(r"```(\w*)\n(.*?)```", body, re.S)
    CHECK(metric(p, r, "long_blocks").i == 1);      // the language-less block does not count
    CHECK(metric(p, r, "quality").f == 1.0);        // 0.5 + 0.25 + 0.3 == 1.05, capped
    CHECK(metric(p, r, "partial").f == 0.1);        // gate open, second term false
    CHECK(metric(p, r, "style").s == "some");
    CHECK(metric(p, r, "double_patterns").i == 4);
  }

  TEST_CASE("first_line: only metrics that some check locates pay for the search") {
    Profile p = load_tiny();
    const doc::Document d("SKILL.md", k_doc, p.document.frontmatter);
    // The tiny profile locates pattern_count only.
    const MetricResults located_only = evaluate_metrics(p, d);
    CHECK(first_line(p, located_only, "has_overview") == 0);
    CHECK(first_line(p, located_only, "pattern_count") == line_of(k_doc, "### Alpha"));
    // Asking for every location gives the file line of each first match.
    p.needs_location.assign(p.metrics.size(), true);
    const MetricResults r = evaluate_metrics(p, d);
    CHECK(first_line(p, r, "has_overview") == line_of(k_doc, "## Overview"));
    CHECK(first_line(p, r, "pattern_count") == line_of(k_doc, "### Alpha"));
    CHECK(first_line(p, r, "quality") == 0);  // not a search or count
  }

  TEST_CASE("a bare document: gates closed, fields absent") {
    const Profile p = load_tiny();
    const doc::Document d("SKILL.md", "# Title\n\nNothing here.\n", p.document.frontmatter);
    const MetricResults r = evaluate_metrics(p, d);
    CHECK_FALSE(metric(p, r, "has_overview").b);
    CHECK(first_line(p, r, "has_overview") == 0);
    CHECK(metric(p, r, "pattern_count").i == 0);
    CHECK(metric(p, r, "desc_words").i == 0);  // str(frontmatter.get("description", "")).split()
    CHECK(metric(p, r, "partial").f == 0.0);   // `if: blocks > 0` is false
    CHECK(metric(p, r, "quality").f == 0.0);
    CHECK(metric(p, r, "style").s == "none");
    CHECK(metric(p, r, "body_length").i == 23);  // no frontmatter: the whole text, unstripped
  }

  TEST_CASE("field tests read str() of YAML values") {
    const Profile p = load_tiny();
    // description: yes -> True -> str() "True"; 2 words from NBSP/U+3000 separated text.
    const doc::Document yes("SKILL.md", "---\ndescription: yes\n---\nbody", p.document.frontmatter);
    const MetricResults ry = evaluate_metrics(p, yes);
    CHECK_FALSE(metric(p, ry, "desc_use_when").b);
    CHECK(metric(p, ry, "desc_words").i == 1);
    const doc::Document ws("SKILL.md", "---\ndescription: USE\xC2\xA0WHEN x\xE3\x80\x80y\n---\nb", p.document.frontmatter);
    const MetricResults rw = evaluate_metrics(p, ws);
    CHECK_FALSE(metric(p, rw, "desc_use_when").b);  // "use\xa0when x\u3000y" does not start with "use when"
    CHECK(metric(p, rw, "desc_words").i == 4);
  }

  TEST_CASE("headings, prose and code-block scopes") {
    const std::string rules = skillscore::test::replaced(
        skillscore::test::k_tiny_profile, "  - {name: has_overview,",
        "  - {name: heading_hits, kind: count, scope: headings, pattern: 'Over'}\n"
        "  - {name: prose_todo, kind: count, scope: prose, pattern: 'TODO'}\n"
        "  - {name: code_todo, kind: search, scope: code_blocks, patterns: ['TODO']}\n"
        "  - {name: body_todo, kind: count, scope: body, pattern: 'TODO'}\n"
        "  - {name: has_overview,");
    Profile p = load_tiny(rules);
    p.needs_location.assign(p.metrics.size(), true);
    const std::string text = "---\nname: x\n---\n## Overview\n\nTODO in prose, Overview.\n\n```sh\n# TODO\n```\n";
    const doc::Document d("SKILL.md", text, p.document.frontmatter);
    REQUIRE(skillscore::test::runs_without_crash([&] { evaluate_metrics(p, d); }));
    const MetricResults r = evaluate_metrics(p, d);
    CHECK(metric(p, r, "heading_hits").i == 1);  // the heading text only
    CHECK(metric(p, r, "prose_todo").i == 1);    // code excluded
    CHECK(metric(p, r, "code_todo").b);
    CHECK(first_line(p, r, "code_todo") == line_of(text, "# TODO"));
    CHECK(metric(p, r, "body_todo").i == 2);
  }
}
