// Tests for src/rules/presence.cpp: with the one-pass index, every metric has
// the value it has without it, including patterns the set only filters
// (unbounded gaps), whose "may match" must be confirmed by a search.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "skillscore/doc/document.hpp"
#include "skillscore/rules/loader.hpp"
#include "skillscore/rules/metrics.hpp"
#include "skillscore/rules/presence.hpp"

using namespace skillscore;
using namespace skillscore::rules;

namespace {

const char* const k_profile = R"(schema: 1
profile: presence-test
document:
  frontmatter: reference-split
  regex: python
  code_blocks:
    source: regex
    pattern: '```(\w*)\n(.*?)```'
    flags: [dotall]
    language_group: 1
    code_group: 2
metrics:
  - {name: overview, kind: search, scope: body, flags: [ignorecase], patterns: ['##\s*Overview']}
  - {name: pair, kind: search, scope: body, flags: [ignorecase, dotall], patterns: ['❌.*?✅|✅.*?❌']}
  - {name: mistake_then_fix, kind: search, scope: body, flags: [ignorecase, dotall], patterns: ['Common\s+mistake.*?Production\s+pattern']}
  - {name: link, kind: search, scope: body, flags: [ignorecase, multiline], patterns: ['\[.*?\]\((?:references|guides)/', 'see\s+references/']}
  - {name: both, kind: search, scope: body, match: all, flags: [dotall], patterns: ['a.*?b', 'Overview']}
  - {name: anything, kind: search, scope: body, flags: [dotall], patterns: ['x.*']}
  - {name: dots, kind: count, scope: body, pattern: '\.\.\..+?;'}
  - {name: blocks, kind: blocks}
  - {name: code_todo, kind: search, scope: code_blocks, patterns: ['TODO']}
  - {name: overview_and_dots, kind: formula, expr: overview && dots > 0}
checks:
  - id: P1
    slug: overview
    scores: overview
    title: Overview
    outcomes:
      - {when: overview, strength: has one}
      - issue: none
        recommendation: add one
        locate: {first_match: overview}
  - id: P2
    slug: dots
    scores: dots
    title: Dots
    outcomes:
      - when: dots > 0
        issue: dots
        recommendation: remove them
        locate: {first_match: dots}
      - {strength: no dots}
score:
  terms:
    - {metric: overview, weight: 0.5}
    - {metric: dots, weight: 0.5, scale: 5.0}
  ratings:
    - {rating: poor}
report:
  metrics: [overview]
  deterministic_metrics: [overview]
)";

std::string fingerprint(const MetricResults& r) {
  std::string out;
  for (const auto& v : r.values) out += std::to_string(static_cast<int>(v.type)) + ":" + std::to_string(v.b) + ":" + std::to_string(v.i) + ";";
  for (const auto line : r.first_line) out += std::to_string(line) + ",";
  return out;
}

// The test profile as it is, and with its presence index.
void load_both(Profile& plain, Profile& indexed, PresenceKind kind = PresenceKind::Full,
               VectorscanUse full_use = VectorscanUse::EmbeddedOnly) {
  std::string error;
  auto loaded = load_profile_text(k_profile, "presence-test.yaml", error);
  REQUIRE_MESSAGE(loaded.has_value(), error);
  plain = *loaded;
  indexed = *loaded;
  // The scan-only index is nothing without its database: compile it here.
  const auto use = kind == PresenceKind::Full ? full_use : VectorscanUse::CompileIfMissing;
  indexed.presence = PresenceIndex::build(indexed, error, use, kind);
  REQUIRE_MESSAGE(indexed.presence != nullptr, error);
}

const std::vector<std::string> k_bodies = {
    "",
    "## Overview\nplain text",
    "❌ only the cross",
    "✅ first ... then ❌",
    "❌ cross\n\nlater ✅",
    "COMMON MISTAKE: x\n\nproduction   pattern: y",
    "production pattern before common mistake",
    "See [the guide](guides/a.md)",
    "[a]\n(references/x.md)",
    "see REFERENCES/x",
    "a then b and Overview",
    "b then a",
    "x",
    "... one; ... two;\n... three\n;",
    "```py\ncode\n```\n```\nmore ❌ ✅\n```",
    "``` not a block",
    "\xE2\x84\xAA K-sign: common mista\xE2\x84\xAA e production pattern",
    // Texts that need the Unicode forms (a no-break space, a letter
    // beyond ASCII), so the set of the patterns as written answers.
    "##\xC2\xA0Overview",
    "caf\xC3\xA9 common\xC2\xA0mistake, then production pattern",
    "see\xC2\xA0references/x",
};

}  // namespace

TEST_SUITE("rules/presence") {
  TEST_CASE("the index gives every metric its value without the index") {
    Profile plain, indexed;
    load_both(plain, indexed);
    // Gap patterns are filtered, not in the set.
    const int pair_slot = indexed.presence->slot(1, 0);
    REQUIRE_GE(pair_slot, 0);
    CHECK_FALSE(indexed.presence->exact(pair_slot));
    CHECK(indexed.presence->exact(indexed.presence->slot(0, 0)));

    for (const auto& body : k_bodies) {
      const std::string text = "---\nname: x\n---\n" + body;
      const doc::Document d("SKILL.md", text, plain.document.frontmatter);
      CHECK_MESSAGE(fingerprint(evaluate_metrics(indexed, d)) == fingerprint(evaluate_metrics(plain, d)), body);
    }
    // The filter did decide something: a text without the literals.
    const doc::Document none("SKILL.md", "---\nname: x\n---\nnothing here", plain.document.frontmatter);
    std::vector<bool> present;
    REQUIRE(indexed.presence->match(none.body(), util::UnicodeClasses::Unknown, present));
    CHECK_FALSE(present[static_cast<std::size_t>(pair_slot)]);
    const doc::Document both("SKILL.md", "---\nname: x\n---\n✅ and ❌", plain.document.frontmatter);
    REQUIRE(indexed.presence->match(both.body(), util::UnicodeClasses::Unknown, present));
    CHECK(present[static_cast<std::size_t>(pair_slot)]);
    // On a text that needs no Unicode classes, both sets give the same slots.
    std::vector<bool> exact, ascii;
    const std::string plain_text = "## Overview\n\u2705 then \u274C, see references/a and ... x;";
    REQUIRE(indexed.presence->match(plain_text, util::UnicodeClasses::Needed, exact));
    REQUIRE(indexed.presence->match(plain_text, util::UnicodeClasses::Unneeded, ascii));
    CHECK(exact == ascii);
  }

  TEST_CASE("with Vectorscan, the ASCII forms' gap literals are scanned and every metric keeps its value") {
    Profile plain, indexed;
    load_both(plain, indexed, PresenceKind::Full, VectorscanUse::CompileIfMissing);
    const VectorscanSet* vs = indexed.presence->vectorscan();
    if (vs == nullptr) return;  // built without Vectorscan
    // The database holds more than the exact slots: the gap patterns'
    // literals as the ASCII forms read them ('guides', not also 'gu\u0131des',
    // which only RE2 could look for).
    std::size_t exact_slots = 0;
    for (std::size_t slot = 0; slot < indexed.presence->size(); ++slot) exact_slots += indexed.presence->exact(static_cast<int>(slot));
    CHECK_GT(vs->covered_count(), exact_slots);
    for (const auto& body : k_bodies) {
      const std::string text = "---\nname: x\n---\n" + body;
      const doc::Document d("SKILL.md", text, plain.document.frontmatter);
      CHECK_MESSAGE(fingerprint(evaluate_metrics(indexed, d)) == fingerprint(evaluate_metrics(plain, d)), body);
    }
    std::vector<bool> present;
    const int link = indexed.presence->slot(3, 0);
    REQUIRE_GE(link, 0);
    REQUIRE(indexed.presence->match("See [the guide](GUIDES/a.md)", util::UnicodeClasses::Unknown, present));
    CHECK(present[static_cast<std::size_t>(link)]);
    REQUIRE(indexed.presence->match("See [the guide] (guides/a.md)", util::UnicodeClasses::Unknown, present));
    CHECK_FALSE(present[static_cast<std::size_t>(link)]);
    // A dotless i spells no 'guides' in the patterns' ASCII forms, and a
    // text holding one needs the forms as written, where it does.
    REQUIRE(indexed.presence->match("See [the guide](gu\u0131des/a.md)", util::UnicodeClasses::Unknown, present));
    CHECK(present[static_cast<std::size_t>(link)]);
  }

  TEST_CASE("a spare core gives every metric the value and the line of one thread") {
    Profile plain, indexed;
    load_both(plain, indexed);
    // Large enough for the second thread (evaluate_metrics starts it from 64 KiB).
    std::string filler;
    while (filler.size() < 80 * 1024) filler += "Plain prose about nothing in particular, line after line.\n";
    const std::vector<std::string> pieces = {
        "",
        "## Overview\n",
        "... one;\n",
        "❌ cross\n\nlater ✅\n",
        "```\nTODO: fill in\n```\n",
        "caf\xC3\xA9 common\xC2\xA0mistake, then production pattern\n",
        "see references/x and [a](guides/b.md)\n",
    };
    for (const auto& a : pieces) {
      for (const auto& b : pieces) {
        const std::string text = "---\nname: x\n---\n" + a + filler + b;
        const doc::Document d("SKILL.md", text, plain.document.frontmatter);
        REQUIRE_GE(d.body().size(), 64u * 1024);
        const std::string one_thread = fingerprint(evaluate_metrics(indexed, d));
        const std::string label = a + " ... " + b;
        CHECK_MESSAGE(fingerprint(evaluate_metrics(indexed, d, EvalOptions{true})) == one_thread, label);
        CHECK_MESSAGE(fingerprint(evaluate_metrics(plain, d, EvalOptions{true})) == one_thread, label);
      }
    }
  }

  TEST_CASE("the scan-only index of a few small files gives every metric its value without the index") {
    Profile plain, indexed;
    load_both(plain, indexed, PresenceKind::ScanOnly);
    CHECK(indexed.presence->kind() == PresenceKind::ScanOnly);
    for (const auto& body : k_bodies) {
      const std::string text = "---\nname: x\n---\n" + body;
      const doc::Document d("SKILL.md", text, plain.document.frontmatter);
      CHECK_MESSAGE(fingerprint(evaluate_metrics(indexed, d)) == fingerprint(evaluate_metrics(plain, d)), body);
    }
    std::vector<bool> present;
    const std::string ascii = "## Overview\n\u2705 then \u274C";
    if (!indexed.presence->match(ascii, util::UnicodeClasses::Unneeded, present)) return;  // built without Vectorscan
    // A pattern Vectorscan does not cover is a "may match", never a "no".
    for (std::size_t slot = 0; slot < indexed.presence->size(); ++slot) {
      if (!indexed.presence->exact(static_cast<int>(slot))) CHECK(present[slot]);
    }
    CHECK(present[static_cast<std::size_t>(indexed.presence->slot(0, 0))]);    // overview
    // The pair is a gap pattern: Vectorscan 5.4.9 misses some of their matches
    // past 64 bytes, so a scan-only index gives it no slot and RE2 searches it.
    CHECK(indexed.presence->slot(1, 0) < 0);
    const std::string far = "---\nname: x\n---\n" + std::string(200, 'x') + " \u274C and \u2705";
    const doc::Document fd("SKILL.md", far, plain.document.frontmatter);
    CHECK(fingerprint(evaluate_metrics(indexed, fd)) == fingerprint(evaluate_metrics(plain, fd)));
    CHECK_FALSE(indexed.presence->match("caf\xC3\xA9", util::UnicodeClasses::Needed, present));  // per pattern
  }

  TEST_CASE("the built-in profile's scan-only database is built with skillscore") {
    std::string error;
    auto profile = load_builtin_profile("skill-fleet-v2", error);
    REQUIRE_MESSAGE(profile.has_value(), error);
    auto index = PresenceIndex::build(*profile, error, VectorscanUse::EmbeddedOnly, PresenceKind::ScanOnly);
    REQUIRE(index != nullptr);
    const VectorscanSet* set = index->vectorscan();
    if (embedded_vectorscan_databases().empty()) return;  // built without Vectorscan
    REQUIRE(set != nullptr);
    CHECK(set->embedded());
    CHECK(set->covered_count() > index->size() / 2);
  }
}
