#pragma once
// The HTML report's two charts, as inline SVG with text equivalents (a <desc>
// and a "Show the numbers" table): the score histogram and the most frequent
// issues by rule.
#include <optional>
#include <string>
#include <vector>

#include "html_data.hpp"
#include "skillscore/report/summary.hpp"
#include "skillscore/rules/profile.hpp"

namespace skillscore::report::html {

// Skills per score bin of 0.1, coloured by the profile's rating bands, with
// the mean and the --min-score threshold (their labels sit above the plot,
// on either side of their lines, clear of the bars' counts).
void histogram(std::string& out, const std::vector<Row>& rows, const Summary& s,
               const std::vector<rules::RatingBand>& bands, std::optional<double> threshold);

// One bar per rule of Summary::top_issues; a bar carries its rule's index
// (data-r) so that the script filters the table by it.
void issues_chart(std::string& out, const Summary& s, const PageData& data);

}  // namespace skillscore::report::html
