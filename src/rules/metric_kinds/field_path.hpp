#pragma once
// "a.b" as the keys walked into the frontmatter's mappings (characters, tokens).
#include <string>
#include <vector>

namespace skillscore::rules {

inline std::vector<std::string> field_path(const std::string& path) {
  std::vector<std::string> out;
  for (std::size_t start = 0;;) {
    const auto dot = path.find('.', start);
    out.push_back(path.substr(start, dot - start));
    if (dot == std::string::npos) break;
    start = dot + 1;
  }
  return out;
}

}  // namespace skillscore::rules
