// Tests for src/score/scorer.cpp. Expected floats are computed in python3 with
// the reference's formula, summing in the same order; the built-in profile
// case uses the reference's assess_skill_quality(text, weights=...).
#include <doctest/doctest.h>

#include <fstream>
#include <sstream>
#include <string>

#include "skillscore/doc/document.hpp"
#include "skillscore/rules/loader.hpp"
#include "skillscore/rules/metrics.hpp"
#include "skillscore/score/scorer.hpp"
#include "sample_skill.hpp"
#include "tiny_profile.hpp"

using namespace skillscore;
using rules::Value;
using score::Rating;
using skillscore::test::k_skill;

namespace {
// Metrics: 0 pattern_count (int), 1 bool, 2 float, 3-5 critical, 6-7 required_any.
rules::ScoreSpec spec(bool with_penalty) {
  rules::ScoreSpec s;
  s.terms = {{0, 0.08, 5.0}, {1, 0.06, std::nullopt}, {2, 0.04, std::nullopt}};
  if (with_penalty) s.penalty = rules::PenaltySpec{{3, 4, 5}, {6, 7}, {0.70, 0.85, 0.95, 1.0}};
  s.ratings = {{0.85, Rating::Excellent}, {0.70, Rating::Good}, {0.50, Rating::NeedsImprovement}, {std::nullopt, Rating::Poor}};
  return s;
}
std::vector<Value> values(std::int64_t patterns, bool c1, bool c2, bool c3, bool w1, bool w2) {
  return {Value::integer(patterns), Value::boolean(true), Value::real(0.5), Value::boolean(c1),
          Value::boolean(c2),       Value::boolean(c3),   Value::boolean(w1), Value::boolean(w2)};
}

std::string read_text(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}
}  // namespace

TEST_SUITE("score/scorer") {
  TEST_CASE("weighted mean, summed in the spec's order") {
    const auto r = score::compute_score(spec(false), values(3, false, false, false, false, false));
    // (0.6*0.08 + 1.0*0.06 + 0.5*0.04) / (0.08+0.06+0.04) in this order
    CHECK(r.base == 0.711111111111111);
    CHECK(r.score == 0.711111111111111);
    CHECK(r.multiplier == 1.0);
    CHECK(r.rating == Rating::Good);
    // The other order gives another last bit: 0.7111111111111111.
    auto reversed = spec(false);
    std::swap(reversed.terms[0], reversed.terms[2]);
    CHECK(score::compute_score(reversed, values(3, false, false, false, false, false)).base == 0.7111111111111111);
  }

  TEST_CASE("a scaled term is capped at 1.0") {
    const auto r = score::compute_score(spec(false), values(7, false, false, false, false, false));
    CHECK(r.base == 0.8888888888888888);  // min(7/5, 1.0) == 1.0
  }

  TEST_CASE("the penalty multiplier counts critical elements, one fewer without required_any") {
    const auto s = spec(true);
    const auto all = score::compute_score(s, values(7, true, true, true, true, false));
    CHECK(all.multiplier == 1.0);
    CHECK(all.score == 0.8888888888888888);
    CHECK(all.rating == Rating::Excellent);
    CHECK(score::compute_score(s, values(7, true, true, true, false, true)).multiplier == 1.0);
    const auto no_when = score::compute_score(s, values(7, true, true, true, false, false));
    CHECK(no_when.multiplier == 0.95);
    CHECK(no_when.base == 0.8888888888888888);
    CHECK(no_when.score == 0.8444444444444443);
    CHECK(no_when.rating == Rating::Good);
    const auto one = score::compute_score(s, values(7, true, false, false, false, true));
    CHECK(one.multiplier == 0.85);
    CHECK(one.score == 0.7555555555555555);
    // max(0, 0 - 1) == 0: never below the first multiplier.
    const auto none = score::compute_score(s, values(7, false, false, false, false, false));
    CHECK(none.multiplier == 0.70);
    CHECK(none.score == 0.6222222222222221);
    CHECK(none.rating == Rating::NeedsImprovement);
    CHECK(score::compute_score(s, values(7, true, false, false, false, false)).multiplier == 0.70);
  }

  TEST_CASE("changing one weight of the built-in profile moves the score as the formula says") {
    const std::string original = read_text(std::string(SKILLSCORE_SOURCE_DIR) + "/rules/skill-fleet-v2.yaml");
    REQUIRE_FALSE(original.empty());
    const std::string heavier = skillscore::test::replaced(original, "{metric: has_core_principle, weight: 0.08,",
                                                           "{metric: has_core_principle, weight: 0.5,");
    std::string error;
    const auto before = rules::load_profile_text(original, "skill-fleet-v2.yaml", error);
    REQUIRE_MESSAGE(before.has_value(), error);
    const auto after = rules::load_profile_text(heavier, "heavier.yaml", error);
    REQUIRE_MESSAGE(after.has_value(), error);

    const doc::Document d("SKILL.md", k_skill, before->document.frontmatter);
    const auto old_score = score::compute_score(before->score, rules::evaluate_metrics(*before, d).values);
    const auto new_score = score::compute_score(after->score, rules::evaluate_metrics(*after, d).values);
    // The reference: assess_skill_quality(text) and, with has_core_principle
    // weighted 0.5, assess_skill_quality(text, weights).
    CHECK(old_score.score == 0.5493478260869564);
    CHECK(new_score.score == 0.6749253731343282);
    // Core principle present, base below 1: more weight on it raises the score,
    // by (base * W + 0.42) / (W + 0.42) with W = 0.92, the multiplier unchanged (0.95).
    CHECK(new_score.score > old_score.score);
    CHECK(old_score.multiplier == 0.95);
    CHECK(new_score.multiplier == 0.95);
    const double expected_base = (old_score.base * 0.92 + (0.5 - 0.08)) / (0.92 + 0.42);
    CHECK(new_score.base == doctest::Approx(expected_base).epsilon(1e-12));
  }

  TEST_CASE("rating bands") {
    const auto s = spec(false);
    CHECK(score::rate(s, 1.0) == Rating::Excellent);
    CHECK(score::rate(s, 0.85) == Rating::Excellent);
    CHECK(score::rate(s, 0.8499999999999999) == Rating::Good);
    CHECK(score::rate(s, 0.7) == Rating::Good);
    CHECK(score::rate(s, 0.5) == Rating::NeedsImprovement);
    CHECK(score::rate(s, 0.49) == Rating::Poor);
    CHECK(score::rate(s, 0.0) == Rating::Poor);
  }
}
