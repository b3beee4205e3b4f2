#include "skillscore/score/rating.hpp"

namespace skillscore::score {
namespace {

constexpr RatingInfo k_ratings[] = {
    {Rating::Excellent, "excellent", "EXCELLENT"},
    {Rating::Good, "good", "GOOD"},
    {Rating::NeedsImprovement, "needs-improvement", "NEEDS IMPROVEMENT"},
    {Rating::Poor, "poor", "POOR"},
};

}  // namespace

std::string_view rating_label(Rating r) {
  for (const auto& i : k_ratings) {
    if (i.rating == r) return i.label;
  }
  return "?";
}

std::string_view rating_id(Rating r) {
  for (const auto& i : k_ratings) {
    if (i.rating == r) return i.id;
  }
  return "?";
}

std::optional<Rating> rating_from_id(std::string_view id) {
  for (const auto& i : k_ratings) {
    if (i.id == id) return i.rating;
  }
  return std::nullopt;
}

}  // namespace skillscore::score
