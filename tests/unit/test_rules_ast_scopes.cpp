// Tests for what the strict profile needs from the engine: headings narrowed
// to levels, fenced-only AST code blocks, blocks without a language located
// at their fence, and `include` of a built-in profile's metrics and checks.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "skillscore/doc/document.hpp"
#include "skillscore/rules/loader.hpp"
#include "skillscore/rules/metrics.hpp"

using namespace skillscore;
using namespace skillscore::rules;

namespace {

const std::string k_head = R"(schema: 1
profile: ast-test
document:
  frontmatter: delimited-lines
  regex: re2
  code_blocks: {source: ast-fenced}
)";

const std::string k_tail = R"(
checks:
  - id: AT001
    slug: blocks
    title: blocks
    outcomes:
      - when: no_language > 0
        issue: '{no_language} without a language'
        recommendation: name it
        locate: {first_match: no_language}
score:
  terms:
    - {metric: any_block, weight: 1.0}
  ratings:
    - {rating: poor}
report:
  metrics: [any_block]
  deterministic_metrics: [any_block]
)";

const std::string k_metrics = R"(
metrics:
  - {name: h2, kind: count, scope: headings, levels: [2], pattern: '^(?s:.)'}
  - {name: h3, kind: count, scope: headings, levels: [3], pattern: '^(?s:.)'}
  - {name: h23, kind: count, scope: headings, levels: [2, 3], pattern: '^(?s:.)'}
  - {name: all_headings, kind: count, scope: headings, pattern: '^(?s:.)'}
  - {name: overview_h2, kind: search, scope: headings, levels: [2], flags: [ignorecase], patterns: ['^[^\pL]*Overview\b']}
  - {name: h3_chars, kind: length, scope: headings, levels: [3]}
  - {name: blocks, kind: blocks}
  - {name: with_language, kind: blocks, require_language: true}
  - {name: no_language, kind: blocks, missing_language: true}
  - {name: any_block, kind: formula, expr: blocks > 0}
)";

// Line numbers are 1-based file lines.
const std::string k_doc =
    "---\nname: demo\ndescription: Use when testing\n---\n"  // 1-4
    "# Title\n"                                                // 5
    "## 🎯 Overview\n"                                        // 6
    "### Overview of nothing\n"                               // 7
    "#### Deep\n"                                              // 8
    "```bash\n### not a heading\n```\n"                        // 9-11
    "\n    indented code\n\n"                                  // 12-14
    "~~~\nplain\n~~~\n"                                        // 15-17
    "````  python title=\"x\"\nprint(1)\n````\n"               // 18-20
    "### 🔁 Retry\n";                                         // 21

Profile load(const std::string& text) {
  std::string error;
  auto p = load_profile_text(text, "ast-test.yaml", error);
  INFO(error);
  REQUIRE(p.has_value());
  return std::move(*p);
}

std::string load_error(const std::string& text) {
  std::string error;
  auto p = load_profile_text(text, "ast-test.yaml", error);
  CHECK_FALSE(p.has_value());
  return error;
}

const Value& metric(const Profile& p, const MetricResults& r, std::string_view name) {
  const int i = p.metric_index(name);
  REQUIRE(i >= 0);
  return r.values[static_cast<std::size_t>(i)];
}

}  // namespace

TEST_SUITE("rules/ast scopes") {
  TEST_CASE("headings by level: ### in code is no heading, #### is not level 3, emoji headings count") {
    const Profile p = load(k_head + k_metrics + k_tail);
    const doc::Document d("demo/SKILL.md", k_doc, p.document.frontmatter);
    const MetricResults r = evaluate_metrics(p, d);
    CHECK(metric(p, r, "h2").i == 1);
    CHECK(metric(p, r, "h3").i == 2);  // "Overview of nothing", "🔁 Retry"
    CHECK(metric(p, r, "h23").i == 3);
    CHECK(metric(p, r, "all_headings").i == 5);
    CHECK(metric(p, r, "overview_h2").b);  // "## 🎯 Overview": emoji skipped; "### Overview..." is not level 2
    // Code points of "Overview of nothing" (19) and "🔁 Retry" (7).
    CHECK(metric(p, r, "h3_chars").i == 26);
  }

  TEST_CASE("ast-fenced: any fence counts, indented code does not; language = first word of the info string") {
    const Profile p = load(k_head + k_metrics + k_tail);
    const doc::Document d("demo/SKILL.md", k_doc, p.document.frontmatter);
    const MetricResults r = evaluate_metrics(p, d);
    CHECK(metric(p, r, "blocks").i == 3);         // ```bash, ~~~, ````python
    CHECK(metric(p, r, "with_language").i == 2);  // bash, python
    CHECK(metric(p, r, "no_language").i == 1);    // the ~~~ block
    // The block without a language is located at its opening fence.
    CHECK(r.first_line[static_cast<std::size_t>(p.metric_index("no_language"))] == 15);
  }

  TEST_CASE("source: ast counts indented code blocks too") {
    std::string head = k_head;
    head.replace(head.find("ast-fenced"), 10, "ast");
    const Profile p = load(head + k_metrics + k_tail);
    const doc::Document d("demo/SKILL.md", k_doc, p.document.frontmatter);
    const MetricResults r = evaluate_metrics(p, d);
    CHECK(metric(p, r, "blocks").i == 4);
    CHECK(metric(p, r, "no_language").i == 2);
    CHECK(r.first_line[static_cast<std::size_t>(p.metric_index("no_language"))] == 13);
  }

  TEST_CASE("prose leaves out code blocks and HTML comment blocks, keeps other HTML") {
    const std::string metrics = R"(
metrics:
  - {name: check_mark, kind: search, scope: prose, patterns: ['✅']}
  - {name: good_tag, kind: search, scope: prose, patterns: ['<Good>']}
  - {name: cross, kind: search, scope: prose, patterns: ['❌']}
  - {name: no_language, kind: blocks, missing_language: true}
  - {name: any_block, kind: formula, expr: 'true'}
)";
    const Profile p = load(k_head + metrics + k_tail);
    const std::string doc =
        "---\nname: demo\n---\n# Demo\n\n<!-- TODO: add a ✅ example\nlater -->\n\n<Good>\nfine\n</Good>\n\n"
        "```bash\necho ❌\n```\nText with an inline <!-- ❌ --> comment.\n";
    const doc::Document d("demo/SKILL.md", doc, p.document.frontmatter);
    REQUIRE(d.markdown().html_comments.size() == 1);
    CHECK(d.markdown().html_comments[0].first == 6);
    CHECK(d.markdown().html_comments[0].last == 7);
    const MetricResults r = evaluate_metrics(p, d);
    CHECK_FALSE(metric(p, r, "check_mark").b);  // only in the comment block
    CHECK(metric(p, r, "good_tag").b);          // an HTML block that is not a comment stays
    CHECK(metric(p, r, "cross").b);             // an inline comment inside a paragraph stays prose
  }

  TEST_CASE("levels are for the headings scope only, 1 to 6") {
    CHECK(load_error(k_head + "metrics:\n  - {name: x, kind: count, scope: prose, levels: [2], pattern: 'a'}\n" + k_tail)
              .find("levels are only for the headings scope") != std::string::npos);
    CHECK(load_error(k_head + "metrics:\n  - {name: x, kind: count, scope: headings, levels: [7], pattern: 'a'}\n" +
                     k_tail)
              .find("a heading level is 1 to 6") != std::string::npos);
    CHECK(load_error(k_head + "metrics:\n  - {name: x, kind: blocks, require_language: true, missing_language: true}\n" +
                     k_tail)
              .find("exclude each other") != std::string::npos);
  }

  TEST_CASE("include: a built-in profile's metrics and checks come first, under their own ids") {
    std::string head = k_head;
    head.replace(head.find("frontmatter: delimited-lines"), 28, "frontmatter: reference-split\n  yaml: strictyaml");
    head.replace(head.find("document:"), 0, "include: [agentskills]\n");
    const Profile p = load(head + k_metrics + k_tail);
    REQUIRE(p.checks.size() > 1);
    CHECK(p.checks.front().id == "AS001");
    CHECK(p.checks.back().id == "AT001");
    CHECK(p.metric_index("valid") >= 0);
    CHECK(p.metric_index("valid") < p.metric_index("h2"));
    // The included spec checks judge this document: its name is not its directory's.
    const doc::Document d("other/SKILL.md", k_doc, p.document.frontmatter);
    const MetricResults r = evaluate_metrics(p, d);
    CHECK_FALSE(metric(p, r, "valid").b);
    CHECK(metric(p, r, "e_name_dir").b);
  }

  TEST_CASE("include: unknown profiles, other YAML dialects and name clashes are load errors") {
    std::string head = k_head;
    head.replace(head.find("document:"), 0, "include: [nope]\n");
    CHECK(load_error(head + k_metrics + k_tail).find("unknown built-in profile 'nope'") != std::string::npos);
    // agentskills reads YAML with strictyaml; this file with pyyaml.
    head = k_head;
    head.replace(head.find("document:"), 0, "include: [agentskills]\n");
    CHECK(load_error(head + k_metrics + k_tail).find("reads YAML otherwise") != std::string::npos);
    // A metric named like one of agentskills'.
    head = k_head;
    head.replace(head.find("frontmatter: delimited-lines"), 28, "frontmatter: reference-split\n  yaml: strictyaml");
    head.replace(head.find("document:"), 0, "include: [agentskills]\n");
    const std::string clash = "metrics:\n  - {name: valid, kind: formula, expr: 'true'}\n  - {name: no_language, kind: blocks, missing_language: true}\n  - {name: any_block, kind: formula, expr: 'true'}\n";
    const std::string err = load_error(head + clash + k_tail);
    CHECK(err.find("metric 'valid' is defined twice") != std::string::npos);
    CHECK(err.rfind("ast-test.yaml:", 0) == 0);  // the error names the including file
  }
}
