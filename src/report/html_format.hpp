#pragma once
// Number and label formatting shared by the HTML report's parts (page, charts).
#include <cstddef>
#include <string>
#include <string_view>

#include "skillscore/score/rating.hpp"

namespace skillscore::report::html {

constexpr score::Rating k_ratings[] = {score::Rating::Excellent, score::Rating::Good, score::Rating::NeedsImprovement,
                                       score::Rating::Poor};

// One-letter CSS class of a rating, also the value of the rating filter.
const char* rating_class(score::Rating r);

// snprintf of one double.
std::string fmt(const char* format, double v);
// SVG coordinates: one decimal, no "-0.0", no ".0".
std::string coord(double v);
// "12.5%" of part in whole ("0%" of nothing).
std::string percent(std::size_t part, std::size_t whole);
// "+0.012", "-0.300", "0.000".
std::string signed_delta(double d);
// At most `max` bytes, cut on a UTF-8 boundary, with "…".
std::string truncate(std::string_view s, std::size_t max);
// 1, 2 or 5 times a power of ten, at least `x` (axis steps).
double nice_step(double x);

}  // namespace skillscore::report::html
