#include "skillscore/app/choices.hpp"

namespace skillscore::app {
namespace {

constexpr rules::KindInfo<ListingFormat> k_listing_formats[] = {
    {ListingFormat::Text, "text", "lines for people"},
    {ListingFormat::Json, "json", "one JSON document"},
};

// The severities' own names (rules::severities()), then none.
constexpr rules::KindInfo<FailOn> k_fail_on_levels[] = {
    {FailOn::Error, "error", "issues of severity error fail the run"},
    {FailOn::Warning, "warning", "issues of severity warning or error fail the run"},
    {FailOn::Info, "info", "any issue fails the run"},
    {FailOn::None, "none", "severities never fail the run"},
};

constexpr rules::KindInfo<ColorMode> k_color_modes[] = {
    {ColorMode::Auto, "auto", "a terminal, unless NO_COLOR is set"},
    {ColorMode::Always, "always", "colour whatever the stream is"},
    {ColorMode::Never, "never", "no colour"},
};

}  // namespace

std::span<const rules::KindInfo<ListingFormat>> listing_formats() { return k_listing_formats; }
std::span<const rules::KindInfo<FailOn>> fail_on_levels() { return k_fail_on_levels; }
std::span<const rules::KindInfo<ColorMode>> color_modes() { return k_color_modes; }

std::optional<rules::Severity> fail_on_severity(FailOn f) {
  return rules::kind_from_name(rules::severities(), rules::kind_name(fail_on_levels(), f));
}

}  // namespace skillscore::app
