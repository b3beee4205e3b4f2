// Tests for src/app/choices.cpp: the command line's closed sets, each with one
// table, and --fail-on's names being the severities' own.
#include <doctest/doctest.h>

#include <set>
#include <string>

#include "skillscore/app/choices.hpp"

using namespace skillscore;

namespace {
template <typename E>
void check_table(std::span<const rules::KindInfo<E>> table, int enum_count) {
  CHECK(table.size() == static_cast<std::size_t>(enum_count));
  std::set<std::string_view> names;
  for (int v = 0; v < enum_count; ++v) {
    const auto value = static_cast<E>(v);
    const auto name = rules::kind_name(table, value);
    CAPTURE(name);
    CHECK(name != "?");
    CHECK(names.insert(name).second);
    CHECK(rules::kind_from_name(table, name) == std::optional<E>(value));
  }
}
}  // namespace

TEST_SUITE("app/choices") {
  TEST_CASE("every table covers its enum with unique names") {
    check_table(app::listing_formats(), static_cast<int>(app::ListingFormat::Json) + 1);
    check_table(app::fail_on_levels(), static_cast<int>(app::FailOn::None) + 1);
    check_table(app::color_modes(), static_cast<int>(app::ColorMode::Never) + 1);
  }

  TEST_CASE("--fail-on: a severity by its own name, or none") {
    for (const auto& s : rules::severities()) {
      const auto f = rules::kind_from_name(app::fail_on_levels(), s.name);
      REQUIRE(f.has_value());
      CHECK(app::fail_on_severity(*f) == s.value);
    }
    CHECK_FALSE(app::fail_on_severity(app::FailOn::None).has_value());
  }

  TEST_CASE("the names CLI11 is given, in table order") {
    CHECK(app::kind_name_list(app::color_modes()) == std::vector<std::string>{"auto", "always", "never"});
    CHECK(app::kind_name_list(app::fail_on_levels()) == std::vector<std::string>{"error", "warning", "info", "none"});
    CHECK(rules::kind_choices(app::listing_formats()) == "text or json");
  }
}
