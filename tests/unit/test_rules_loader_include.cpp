// Tests for `include:` in src/rules/loader.cpp: the parts an include takes,
// metrics redefined in place (`override: true`), checks built on an included
// one (`from:`), report fields inserted into a taken report, and the errors,
// each naming the file and the line. Last, that strict.yaml holds only what
// differs from skill-fleet-v2.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "skillscore/doc/document.hpp"
#include "skillscore/rules/embedded.hpp"
#include "skillscore/rules/loader.hpp"
#include "skillscore/rules/metrics.hpp"
#include "skillscore/rules/rule_node.hpp"
#include "tiny_profile.hpp"

using namespace skillscore;
using namespace skillscore::rules;
using skillscore::test::line_of;
using skillscore::test::replaced;

namespace {

// Reads YAML as skill-fleet-v2 does: its checks may be taken.
const std::string k_head = R"(schema: 1
profile: mine
document:
  frontmatter: reference-split
  regex: re2
  code_blocks: {source: ast-fenced}
include:
  - {profile: skill-fleet-v2, take: [metrics, score, report]}
)";

const std::string k_own = R"(metrics:
  - {name: helper, kind: formula, expr: 'true'}
  - {name: fm_name, override: true, kind: formula, expr: '!helper'}
  - {name: extra, kind: search, scope: headings, levels: [2], patterns: ['^Extra']}
checks:
  - id: MY010
    from: SF010
    title: An overview, my way
  - id: MY013
    from: SF013
    severity: warning
  - id: MY099
    slug: extra
    title: An extra section
    outcomes:
      - {when: extra, strength: Has an extra section}
)";

std::string load_error(const std::string& text) {
  std::string error;
  CHECK_FALSE(load_profile_text(text, "mine.yaml", error).has_value());
  return error;
}

Profile load(const std::string& text) {
  std::string error;
  auto p = load_profile_text(text, "mine.yaml", error);
  REQUIRE_MESSAGE(p.has_value(), error);
  return std::move(*p);
}

Profile builtin(const char* name) {
  std::string error;
  auto p = load_builtin_profile(name, error);
  REQUIRE_MESSAGE(p.has_value(), error);
  return std::move(*p);
}

// "mine.yaml:N:" for the line of `needle` in `text`.
std::string at(const std::string& text, const std::string& needle) {
  return "mine.yaml:" + std::to_string(line_of(text, needle)) + ":";
}

bool same_tree(const RuleNode& a, const RuleNode& b) {
  if (a.IsScalar() != b.IsScalar() || a.IsMap() != b.IsMap() || a.IsSequence() != b.IsSequence()) return false;
  if (a.IsScalar()) return a.Scalar() == b.Scalar();
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a.IsMap() ? !(same_tree(a.key(i), b.key(i)) && same_tree(a.value(i), b.value(i)))
                  : !same_tree(a.items()[i], b.items()[i])) {
      return false;
    }
  }
  return true;
}

RuleNode embedded_tree(std::string_view profile) {
  for (const auto& f : embedded_rule_files()) {
    if (f.profile == profile) return RuleNode::parse(f.compiled);
  }
  FAIL("no built-in profile ", std::string(profile));
  return {};
}

const RuleNode* find_by(const RuleNode& list, const char* key, const std::string& value) {
  for (const auto& x : list.items()) {
    if (x[key].IsScalar() && x[key].Scalar() == value) return &x;
  }
  return nullptr;
}

}  // namespace

TEST_SUITE("rules/loader include") {
  TEST_CASE("an override takes the place of the metric it redefines; new metrics before it go with it") {
    const Profile sf = builtin("skill-fleet-v2");
    const Profile p = load(k_head + k_own);
    // Same place as in skill-fleet-v2, after the helper it reads; the rest after the included ones.
    CHECK(p.metric_index("fm_name") == sf.metric_index("fm_name") + 1);
    CHECK(p.metric_index("helper") == p.metric_index("fm_name") - 1);
    CHECK(p.metric_index("extra") == static_cast<int>(p.metrics.size()) - 1);
    CHECK(p.metrics.size() == sf.metrics.size() + 2);
    CHECK(p.metrics[static_cast<std::size_t>(p.metric_index("fm_name"))].kind == MetricKind::Formula);
    // skill-fleet-v2's frontmatter_completeness, after it, reads the redefined fm_name.
    const std::string text = "---\nname: demo\ndescription: Use when testing\n---\n# Demo\n";
    const doc::Document d("demo/SKILL.md", text, p.document.frontmatter, p.document.yaml);
    const doc::Document ds("demo/SKILL.md", text, sf.document.frontmatter, sf.document.yaml);
    const MetricResults mine = evaluate_metrics(p, d), theirs = evaluate_metrics(sf, ds);
    const auto fc = [](const Profile& q, const MetricResults& r) {
      return r.values[static_cast<std::size_t>(q.metric_index("frontmatter_completeness"))].f;
    };
    CHECK(fc(sf, theirs) == doctest::Approx(0.5));
    CHECK(fc(p, mine) == doctest::Approx(0.3));  // fm_name's 0.2 is gone
  }

  TEST_CASE("score and report are taken; checks are not unless take says so") {
    const Profile sf = builtin("skill-fleet-v2");
    const Profile p = load(k_head + k_own);
    REQUIRE(p.score.terms.size() == sf.score.terms.size());
    CHECK(p.metrics[static_cast<std::size_t>(p.score.terms[0].metric)].name == "pattern_count");
    CHECK(p.score.penalty.has_value());
    CHECK(p.report.metrics.size() == sf.report.metrics.size());
    REQUIRE(p.checks.size() == 3);
    CHECK(p.checks[0].id == "MY010");
    const Profile all = load(replaced(k_head, "take: [metrics, score, report]", "take: [metrics, checks, score, report]") +
                             replaced(replaced(k_own, "from: SF013\n", "from: SF013\n    slug: mine-13\n"),
                                      "title: An overview, my way", "slug: mine-10\n    title: An overview, my way"));
    CHECK(all.checks.front().id == "SF001");
    CHECK(all.checks.size() == sf.checks.size() + 3);
  }

  TEST_CASE("a check built on an included one (from:) takes the keys it does not write") {
    const Profile sf = builtin("skill-fleet-v2");
    const Check& base10 = sf.checks[3];  // SF001 SF002 SF003 SF010
    REQUIRE(base10.id == "SF010");
    const Profile p = load(k_head + k_own);
    const Check& c = p.checks[0];
    CHECK(c.id == "MY010");
    CHECK(c.origin == "mine");  // its fixtures and `explain` are this profile's
    CHECK(c.title == "An overview, my way");
    CHECK(c.slug == base10.slug);
    CHECK(c.doc == base10.doc);
    REQUIRE(c.outcomes.size() == base10.outcomes.size());
    CHECK(c.outcomes[0].when->source() == "has_overview");
    // A severity written here applies to the outcomes taken from the base.
    const Check& c13 = p.checks[1];
    CHECK(c13.severity == Severity::Warning);
    CHECK(c13.outcomes[0].severity == Severity::Warning);
    const auto sf13 = std::find_if(sf.checks.begin(), sf.checks.end(), [](const Check& k) { return k.id == "SF013"; });
    REQUIRE(sf13 != sf.checks.end());
    CHECK(sf13->severity == Severity::Info);
    CHECK(c13.slug == sf13->slug);
  }

  TEST_CASE("report: insert adds fields at the key it names") {
    const std::string text = k_head + k_own +
                             "report:\n  insert:\n"
                             "    - {into: metrics, after: has_overview, fields: [extra]}\n"
                             "    - {into: deterministic_metrics, before: pattern_count, fields: [{x: helper}]}\n";
    const Profile sf = builtin("skill-fleet-v2");
    const Profile p = load(text);
    REQUIRE(p.report.metrics.size() == sf.report.metrics.size() + 1);
    CHECK(p.report.metrics[1].key == "has_overview");
    CHECK(p.report.metrics[2].key == "extra");
    CHECK(p.report.deterministic_metrics[1].key == "x");
    CHECK(p.report.deterministic_metrics[2].key == "pattern_count");
  }

  TEST_CASE("redefining is explicit: a same-named metric without override is an error naming both files") {
    const std::string text = replaced(k_head + k_own, "{name: fm_name, override: true,", "{name: fm_name,");
    const std::string err = load_error(text);
    CHECK(err.rfind(at(text, "{name: fm_name,"), 0) == 0);
    CHECK(err.find("metric 'fm_name' is defined twice: rules/skill-fleet-v2.yaml has it") != std::string::npos);
    CHECK(err.find("override: true") != std::string::npos);
  }

  TEST_CASE("an override must redefine an included metric, with its type") {
    std::string text = replaced(k_head + k_own, "{name: extra, kind", "{name: extra, override: true, kind");
    std::string err = load_error(text);
    CHECK(err.rfind(at(text, "{name: extra,"), 0) == 0);
    CHECK(err.find("no included profile defines it") != std::string::npos);
    text = replaced(k_head + k_own, "expr: '!helper'", "expr: '1'");
    err = load_error(text);
    CHECK(err.rfind(at(text, "{name: fm_name,"), 0) == 0);
    CHECK(err.find("must have its type, bool (rules/skill-fleet-v2.yaml:") != std::string::npos);
    CHECK(err.find("not int") != std::string::npos);
    text = replaced(k_head + k_own, "override: true", "override: false");
    CHECK(load_error(text).find("override is true or absent") != std::string::npos);
  }

  TEST_CASE("include entries: parts, dialects and takes that conflict are errors with their line") {
    std::string text = replaced(k_head, "take: [metrics, score, report]", "take: [score]") + k_own;
    CHECK(load_error(text).rfind(at(text, "take: [score]"), 0) == 0);
    text = replaced(k_head, "take: [metrics, score, report]", "take: [metrics, everything]") + k_own;
    CHECK(load_error(text).find("unknown part 'everything'") != std::string::npos);
    // Its checks keep their ids, so they must read YAML as skill-fleet-v2 does.
    text = replaced(k_head, "regex: re2", "regex: re2\n  yaml: strictyaml");
    text = replaced(text, "take: [metrics, score, report]", "take: [metrics, checks]") + k_own;
    std::string err = load_error(text);
    CHECK(err.rfind(at(text, "profile: skill-fleet-v2"), 0) == 0);
    CHECK(err.find("reads YAML otherwise") != std::string::npos);
    // Without its checks, another YAML dialect is this file's business.
    text = replaced(k_head, "regex: re2", "regex: re2\n  yaml: strictyaml") + k_own;
    CHECK(load(text).document.yaml == doc::YamlDialect::StrictYaml);
    text = k_head + replaced(k_own, "from: SF010", "from: SF999");
    err = load_error(text);
    CHECK(err.rfind(at(text, "from: SF999"), 0) == 0);
    CHECK(err.find("no check 'SF999' in an included profile") != std::string::npos);
    text = k_head + k_own + "score:\n  terms: []\n  ratings: [{rating: poor}]\n";
    err = load_error(text);
    CHECK(err.rfind(at(text, "  terms: []"), 0) == 0);
    CHECK(err.find("takes one from skill-fleet-v2") != std::string::npos);
    text = k_head + k_own + "report:\n  metrics: [extra]\n  deterministic_metrics: []\n";
    CHECK(load_error(text).find("write its additions under insert:") != std::string::npos);
    text = k_head + k_own + "report:\n  insert:\n    - {into: metrics, after: nope, fields: [extra]}\n";
    err = load_error(text);
    CHECK(err.rfind(at(text, "after: nope"), 0) == 0);
    CHECK(err.find("has no field 'nope'") != std::string::npos);
    text = k_head + k_own + "report:\n  insert:\n    - {into: metrics, after: has_overview, fields: [has_overview]}\n";
    CHECK(load_error(text).find("already has a field 'has_overview'") != std::string::npos);
  }

  TEST_CASE("strict takes skill-fleet-v2's shared parts and writes only what differs") {
    const Profile strict = builtin("strict");
    const Profile sf = builtin("skill-fleet-v2");
    // The score is skill-fleet-v2's, term by term.
    REQUIRE(strict.score.terms.size() == sf.score.terms.size());
    for (std::size_t i = 0; i < sf.score.terms.size(); ++i) {
      const auto& a = strict.score.terms[i];
      const auto& b = sf.score.terms[i];
      CHECK(strict.metrics[static_cast<std::size_t>(a.metric)].name == sf.metrics[static_cast<std::size_t>(b.metric)].name);
      CHECK(a.weight == b.weight);
      CHECK(a.fallback == b.fallback);
    }
    // Every skill-fleet-v2 metric is in strict, in skill-fleet-v2's order.
    int last = -1;
    for (const auto& m : sf.metrics) {
      const int i = strict.metric_index(m.name);
      CHECK_MESSAGE(i > last, m.name);
      last = i;
    }
    // strict.yaml repeats nothing: no score, a report of insertions, an
    // override differs from what it redefines, a check built on an SF one
    // writes only keys whose values differ.
    const RuleNode st = embedded_tree("strict"), base = embedded_tree("skill-fleet-v2");
    CHECK_FALSE(st["score"].IsDefined());
    CHECK(st["report"].size() == 1);
    CHECK(st["report"]["insert"].IsDefined());
    for (const auto& m : st["metrics"].items()) {
      const RuleNode* b = find_by(base["metrics"], "name", m["name"].Scalar());
      CHECK_MESSAGE((b == nullptr) != m["override"].IsDefined(), m["name"].Scalar());
      if (b) CHECK_MESSAGE(!same_tree(m.without("override"), *b), m["name"].Scalar());
    }
    int derived = 0;
    for (const auto& c : st["checks"].items()) {
      if (!c["from"].IsDefined()) continue;
      ++derived;
      const RuleNode* b = find_by(base["checks"], "id", c["from"].Scalar());
      REQUIRE_MESSAGE(b != nullptr, c["id"].Scalar());
      for (std::size_t i = 0; i < c.size(); ++i) {
        const std::string& key = c.key(i).Scalar();
        if (key == "id" || key == "from") continue;
        CHECK_MESSAGE(!same_tree(c.value(i), (*b)[key]), (c["id"].Scalar() + " " + key));
      }
    }
    CHECK(derived >= 20);
  }
}

TEST_SUITE("rules/loader include") {
  TEST_CASE("an included profile that includes others brings what it takes, through every level") {
    const Profile strict = builtin("strict");
    const std::string head = R"(schema: 1
profile: on-strict
document:
  frontmatter: reference-split
  yaml: strictyaml
  regex: re2
  code_blocks: {source: ast-fenced}
include:
  - {profile: strict, take: [metrics, checks, score, report]}
metrics:
  - {name: has_overview, override: true, kind: formula, expr: 'false'}
checks: []
)";
    const Profile p = load(head);
    // strict's checks (its included AS and SC ones too), its score taken from
    // skill-fleet-v2, its report with its insertions.
    REQUIRE(p.checks.size() == strict.checks.size());
    CHECK(p.checks.back().id == strict.checks.back().id);
    CHECK(p.checks.back().origin == "strict");
    CHECK(p.score.terms.size() == strict.score.terms.size());
    REQUIRE(p.report.metrics.size() == strict.report.metrics.size());
    for (std::size_t i = 0; i < p.report.metrics.size(); ++i) CHECK(p.report.metrics[i].key == strict.report.metrics[i].key);
    // Two levels down, skill-fleet-v2's has_overview is this file's.
    CHECK(p.metrics[static_cast<std::size_t>(p.metric_index("has_overview"))].kind == MetricKind::Formula);
    CHECK(p.metric_index("has_overview") == strict.metric_index("has_overview"));
    // Without strict's checks, none of those it includes come either.
    const Profile bare = load(replaced(head, "take: [metrics, checks, score, report]", "take: [metrics, score, report]"));
    CHECK(bare.checks.empty());
  }
}
