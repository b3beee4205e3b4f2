// Differential-testing aid: reads YAML on stdin, prints what the frontmatter
// reader makes of it as Python's repr(), or "ERROR <msg>" / "CRASH <msg>".
// tests/cli/yaml_differential.py compares this with PyYAML's safe_load.
//   yaml_probe            one YAML text on stdin
//   yaml_probe --batch    a JSON array of texts on stdin, one result per line
//   --full                skip the fast path (yaml_simple) to test the full loader
#include <nlohmann/json.hpp>

#include <cstring>
#include <iostream>
#include <iterator>
#include <string>

#include "skillscore/doc/yaml_loader.hpp"

namespace {

std::string probe(const std::string& text, bool simple) {
  const auto r = skillscore::doc::load_yaml(text, {}, skillscore::doc::YamlDialect::PyYaml, simple);
  std::string out;
  switch (r.status) {
    case skillscore::doc::YamlStatus::Ok: out = "OK " + skillscore::doc::py_repr(r.value); break;
    case skillscore::doc::YamlStatus::Error: out = "ERROR " + r.message; break;
    case skillscore::doc::YamlStatus::Crash: out = "CRASH " + r.message; break;
    case skillscore::doc::YamlStatus::Limit: out = "LIMIT " + r.message; break;
  }
  for (char& c : out) {
    if (c == '\n') c = ' ';
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  bool batch = false, simple = true;
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--batch")) batch = true;
    if (!std::strcmp(argv[i], "--full")) simple = false;
  }
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (!batch) {
    std::cout << probe(text, simple) << "\n";
    return 0;
  }
  for (const auto& item : nlohmann::json::parse(text)) std::cout << probe(item.get<std::string>(), simple) << "\n";
  return 0;
}
