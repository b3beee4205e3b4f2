// Tests for src/score/weights.cpp: a custom weight table rewrites the score
// terms' weights and nothing else (the scores against the reference run with
// such tables are tests/cli/weights_test.py's).
#include <doctest/doctest.h>

#include "skillscore/doc/document.hpp"
#include "skillscore/rules/loader.hpp"
#include "skillscore/rules/metrics.hpp"
#include "skillscore/score/scorer.hpp"
#include "skillscore/score/weights.hpp"
#include "sample_skill.hpp"
#include "tiny_profile.hpp"

using namespace skillscore;

namespace {

rules::Profile builtin() {
  std::string error;
  auto p = rules::load_builtin_profile("skill-fleet-v2", error);
  REQUIRE_MESSAGE(p.has_value(), error);
  return std::move(*p);
}

std::string term_name(const rules::Profile& p, const rules::ScoreTerm& t) {
  return p.metrics[static_cast<std::size_t>(t.metric)].name;
}

}  // namespace

TEST_SUITE("score/weights") {
  TEST_CASE("a table naming every term gives the score of a rule file with those weights") {
    rules::Profile edited = builtin();
    score::WeightTable table;
    for (auto& t : edited.score.terms) {
      table[term_name(edited, t)] = t.weight * 2 + 0.01;
      t.weight = t.weight * 2 + 0.01;
    }
    rules::Profile weighted = builtin();
    CHECK(score::apply_weights(weighted, table).empty());
    const doc::Document d("SKILL.md", test::k_skill, weighted.document.frontmatter);
    const auto values = rules::evaluate_metrics(weighted, d).values;
    CHECK(score::compute_score(weighted.score, values).score == score::compute_score(edited.score, values).score);
    CHECK(score::compute_score(weighted.score, values).score != score::compute_score(builtin().score, values).score);
  }

  TEST_CASE("a term the table leaves out takes its fallback, not its weight") {
    rules::Profile p = builtin();
    const rules::Profile original = builtin();
    score::apply_weights(p, {{"pattern_count", 0.5}});
    bool some_fallback_differs = false;
    for (std::size_t i = 0; i < p.score.terms.size(); ++i) {
      const auto& t = p.score.terms[i];
      REQUIRE(t.fallback.has_value());
      if (term_name(p, t) == "pattern_count") CHECK(t.weight == 0.5);
      else CHECK(t.weight == *t.fallback);
      some_fallback_differs |= *t.fallback != original.score.terms[i].weight;
    }
    CHECK(some_fallback_differs);  // else an empty table would change nothing
  }

  TEST_CASE("keys that name no term are returned, in order, and change nothing") {
    rules::Profile p = builtin();
    const auto unknown = score::apply_weights(p, {{"has_overview", 1.0}, {"zzz", 2.0}, {"pattern_count", 0.1}});
    CHECK(unknown == std::vector<std::string>{"has_overview", "zzz"});
  }

  TEST_CASE("without a fallback a term keeps its weight") {
    std::string error;
    auto p = rules::load_profile_text(test::k_tiny_profile, "tiny.yaml", error);
    REQUIRE_MESSAGE(p.has_value(), error);
    const auto before = p->score.terms;
    score::apply_weights(*p, {});
    for (std::size_t i = 0; i < before.size(); ++i) CHECK(p->score.terms[i].weight == before[i].weight);
  }

  TEST_CASE("the rule file's fallback is read, and checked like any number") {
    std::string error;
    const std::string with = test::replaced(test::k_tiny_profile, "weight: 0.5, scale: 4}", "weight: 0.5, scale: 4, fallback: 0.25}");
    auto p = rules::load_profile_text(with, "tiny.yaml", error);
    REQUIRE_MESSAGE(p.has_value(), error);
    CHECK(p->score.terms[1].fallback == 0.25);
    const std::string bad = test::replaced(test::k_tiny_profile, "weight: 0.5, scale: 4}", "weight: 0.5, scale: 4, fallback: heavy}");
    CHECK_FALSE(rules::load_profile_text(bad, "tiny.yaml", error).has_value());
    CHECK(error.find("tiny.yaml:") != std::string::npos);
  }
}
