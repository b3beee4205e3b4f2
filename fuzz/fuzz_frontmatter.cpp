// libFuzzer target: the frontmatter reader. load_yaml (yaml-cpp + PyYAML
// typing + PyYAML's scanner checks) with the default limits and with tight
// ones, and split_frontmatter + load_frontmatter in both modes.
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "skillscore/doc/frontmatter.hpp"
#include "skillscore/doc/yaml_loader.hpp"

using namespace skillscore;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_view(data, size);
  if (fuzz::known_issue_input(text)) return -1;  // libFuzzer: do not add to the corpus
  for (auto dialect : {doc::YamlDialect::PyYaml, doc::YamlDialect::StrictYaml}) {
    const doc::YamlLoadResult r = doc::load_yaml(text, {}, dialect);
    if (r.status != doc::YamlStatus::Ok && r.message.empty()) __builtin_trap();  // errors say why
  }
  doc::YamlLimits tight;
  tight.max_depth = 8;
  tight.max_nodes = 64;
  (void)doc::load_yaml(text, tight);
  // The same bytes as a whole SKILL.md head: "---\n" + yaml + "\n---\n".
  std::string skill = "---\n";
  skill.append(text);
  skill += "\n---\n# body\n";
  for (auto mode : {doc::FrontmatterMode::ReferenceSplit, doc::FrontmatterMode::DelimitedLines}) {
    const doc::FrontmatterSplit split = doc::split_frontmatter(skill, mode);
    const doc::Frontmatter fm = doc::load_frontmatter(split, 2);
    if (!fm.data.is_map()) __builtin_trap();
  }
  return 0;
}
