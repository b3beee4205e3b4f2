#pragma once
// The closed sets of the command line and the configuration file, each enum
// with ONE table of names: what the options accept (CLI11's choices), what
// their help says and what the commands receive.
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "skillscore/rules/kinds.hpp"

namespace skillscore::app {

// --format of `rules`, `tokens` and `collection` (score/check: report::Format).
enum class ListingFormat { Text, Json };

// --fail-on and `fail-on:`: the least severity whose issues fail the run, or none.
enum class FailOn { Error, Warning, Info, None };

// --color, for each stream.
enum class ColorMode { Auto, Always, Never };

std::span<const rules::KindInfo<ListingFormat>> listing_formats();
std::span<const rules::KindInfo<FailOn>> fail_on_levels();
std::span<const rules::KindInfo<ColorMode>> color_modes();

// The severity of the same name; nullopt for None.
std::optional<rules::Severity> fail_on_severity(FailOn f);

// The names of a table in its order, as CLI::IsMember takes them.
template <typename E>
std::vector<std::string> kind_name_list(std::span<const rules::KindInfo<E>> table) {
  std::vector<std::string> names;
  for (const auto& k : table) names.emplace_back(k.name);
  return names;
}

}  // namespace skillscore::app
