// The build tools' own copy of the verified patterns: none (compile_patterns
// writes them), so every pattern the tools load is compiled and checked.
#include "skillscore/rules/verified_patterns.hpp"

namespace skillscore::rules {

std::span<const VerifiedPattern> verified_patterns() { return {}; }

}  // namespace skillscore::rules
