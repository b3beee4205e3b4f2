// Differential-testing aid: reads YAML on stdin, prints what the frontmatter
// reader makes of it as Python's repr(), or "ERROR <msg>" / "CRASH <msg>".
// tests/yaml_differential.py compares this with PyYAML's safe_load.
#include <iostream>
#include <iterator>
#include <string>

#include "skillscore/doc/yaml_loader.hpp"

int main() {
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  const auto r = skillscore::doc::load_yaml(text);
  switch (r.status) {
    case skillscore::doc::YamlStatus::Ok: std::cout << "OK " << skillscore::doc::py_repr(r.value) << "\n"; break;
    case skillscore::doc::YamlStatus::Error: std::cout << "ERROR " << r.message << "\n"; break;
    case skillscore::doc::YamlStatus::Crash: std::cout << "CRASH " << r.message << "\n"; break;
  }
  return 0;
}
