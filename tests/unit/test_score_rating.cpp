// Tests for src/score/rating.cpp: one table of ids (rule files) and labels
// (reports, as the reference CLI prints them).
#include <doctest/doctest.h>

#include <set>

#include "skillscore/score/rating.hpp"

using namespace skillscore::score;

TEST_SUITE("score/rating") {
  TEST_CASE("labels are the reference's") {
    CHECK(rating_label(Rating::Excellent) == "EXCELLENT");
    CHECK(rating_label(Rating::Good) == "GOOD");
    CHECK(rating_label(Rating::NeedsImprovement) == "NEEDS IMPROVEMENT");
    CHECK(rating_label(Rating::Poor) == "POOR");
  }

  TEST_CASE("ids round-trip and are unique") {
    std::set<std::string_view> ids;
    for (Rating r : {Rating::Excellent, Rating::Good, Rating::NeedsImprovement, Rating::Poor}) {
      CAPTURE(rating_id(r));
      CHECK(ids.insert(rating_id(r)).second);
      CHECK(rating_from_id(rating_id(r)) == std::optional<Rating>(r));
    }
    CHECK(rating_id(Rating::NeedsImprovement) == "needs-improvement");
    CHECK_FALSE(rating_from_id("NEEDS IMPROVEMENT").has_value());  // labels are not ids
    CHECK_FALSE(rating_from_id("great").has_value());
    CHECK_FALSE(rating_from_id("").has_value());
  }
}
