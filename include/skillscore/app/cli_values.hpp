#pragma once
// Values given on the command line, read with errors a person can act on
// (the CLI's parser would say "not in range 0.000000 to 1.000000"), and the
// nearest command to a mistyped one.
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace skillscore::app {

// "0.5" -> 0.5; "", "abc", "1.5", "nan" -> nullopt.
std::optional<double> parse_unit_interval(std::string_view text);

// Bytes: "1048576", "512K", "20M", "1G" (also "20MB", "20MiB"; K = 1024).
std::optional<std::uintmax_t> parse_size(std::string_view text);

// The candidate nearest to `word` (edit distance at most 2, or a prefix), if any.
std::optional<std::string_view> nearest(std::string_view word, std::span<const std::string_view> candidates);

}  // namespace skillscore::app
