#pragma once
// Small helpers shared by the csv, sarif, junit, github and markdown reporters.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "skillscore/report/assessment.hpp"
#include "skillscore/rules/kinds.hpp"

namespace skillscore::report::detail {

// "0.412": three decimals, as the text report prints scores.
std::string fixed3(double value);

// "error", "warning", "info".
std::string_view severity_name(rules::Severity s);

// "path:12: SF012 warning: message" (":12" left out when the line is unknown).
std::string issue_line(std::string_view path, const Issue& issue);

// Backslashes turned into forward slashes on Windows (elsewhere a backslash
// is an ordinary file-name character and is kept).
std::string forward_slashes(std::string_view path);

// FNV-1a, 64 bits: a stable hash for fingerprints (the same on every platform).
constexpr std::uint64_t k_fnv_offset = 14695981039346656037ull;
std::uint64_t fnv1a64(std::string_view bytes, std::uint64_t hash = k_fnv_offset);

// 16 lower-case hex digits.
std::string hex64(std::uint64_t value);

// "1 skill" / "3 skills".
std::string count_noun(std::size_t n, std::string_view singular, std::string_view plural);

}  // namespace skillscore::report::detail
