#pragma once
#include <optional>
#include <string_view>

namespace skillscore::score {

enum class Rating { Excellent, Good, NeedsImprovement, Poor };

struct RatingInfo {
  Rating rating;
  std::string_view id;     // in rule files: "needs-improvement"
  std::string_view label;  // in reports, as the reference CLI prints it: "NEEDS IMPROVEMENT"
};

std::string_view rating_label(Rating r);
std::string_view rating_id(Rating r);
std::optional<Rating> rating_from_id(std::string_view id);

}  // namespace skillscore::score
