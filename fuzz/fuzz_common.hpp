#pragma once
// Shared helpers for the libFuzzer targets (see fuzz/README.md).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string_view>

namespace skillscore::fuzz {

inline std::string_view as_view(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

// Inputs of the shapes of known, reported and regression-tested bugs
// (docs/robustness.md, "Findings"); the targets skip them so that fuzzing goes
// on past them. Build with -DSKILLSCORE_FUZZ_KEEP_KNOWN_SLOW to fuzz them too.
//  - an anchor and two or more aliases: yaml_pycompat's RangeCollector walks
//    up to 1,000,000 nodes (10-16 s under ASan). (Finding 2.)
// (The merge-key self loop, finding 4, was skipped here too until a492f81
// fixed it: fuzzing goes through merge keys again.)
inline bool known_issue_input(std::string_view text) {
#ifdef SKILLSCORE_FUZZ_KEEP_KNOWN_SLOW
  (void)text;
  return false;
#else
  const bool anchor = text.find('&') != std::string_view::npos;
  if (!anchor) return false;
  return std::count(text.begin(), text.end(), '*') >= 2;
#endif
}

// The part of a SKILL.md that can reach the YAML loader: from the start to the
// second "---" (the reference split reads the first two "---" anywhere).
inline std::string_view frontmatter_region(std::string_view text) {
  const auto first = text.find("---");
  if (first == std::string_view::npos) return {};
  const auto second = text.find("---", first + 3);
  return text.substr(0, second == std::string_view::npos ? text.size() : second);
}

}  // namespace skillscore::fuzz
