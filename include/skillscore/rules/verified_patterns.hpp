#pragma once
// The built-in profiles' patterns, each checked at build time to compile in
// every form Regex makes of it (tools/compile_patterns.cpp). Regex::compile
// finds a pattern here and then compiles it on first use only: loading a
// profile compiles nothing, and a one-file run compiles only what it searches.
// A pattern of a user's rule file that is not here compiles when it loads, so
// a bad one is still an error there.
#include <span>
#include <string>
#include <string_view>

#include "skillscore/rules/regex.hpp"

namespace skillscore::rules {

struct VerifiedPattern {
  std::string_view key;  // verified_pattern_key(source, flags, dialect)
  int groups = 0;
  bool matches_empty = false;
  bool ascii_twin = false;  // it has an ASCII form (Regex's ascii_) and that compiles
};

// Sorted by key (the generator sorts them).
std::span<const VerifiedPattern> verified_patterns();

std::string verified_pattern_key(std::string_view source, RegexFlags flags, RegexDialect dialect);
// The entry for this pattern, or nullptr.
const VerifiedPattern* find_verified_pattern(std::string_view source, RegexFlags flags, RegexDialect dialect);

}  // namespace skillscore::rules
