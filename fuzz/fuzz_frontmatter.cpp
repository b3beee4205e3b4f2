// libFuzzer target: the frontmatter reader. load_yaml (yaml-cpp + PyYAML
// typing + PyYAML's scanner checks) with the default limits and with tight
// ones, and split_frontmatter + load_frontmatter in both modes. Where the
// direct reader for simple frontmatter (yaml_simple.cpp) answers, yaml-cpp's
// path must give the same value, types and positions.
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "skillscore/doc/frontmatter.hpp"
#include "skillscore/doc/yaml_loader.hpp"
#include "skillscore/util/utf8.hpp"

using namespace skillscore;

namespace {

bool same(const doc::PyValue& a, const doc::PyValue& b) {
  if (a.type != b.type || a.text != b.text || a.boolean != b.boolean || a.repr_text != b.repr_text ||
      a.line != b.line || a.column != b.column || a.items.size() != b.items.size() ||
      a.entries.size() != b.entries.size()) {
    return false;
  }
  if (!(a.number == b.number || (a.number != a.number && b.number != b.number))) return false;  // NaN == NaN
  for (std::size_t i = 0; i < a.items.size(); ++i) {
    if (!same(a.items[i], b.items[i])) return false;
  }
  for (std::size_t i = 0; i < a.entries.size(); ++i) {
    if (!same(a.entries[i].first, b.entries[i].first) || !same(a.entries[i].second, b.entries[i].second)) return false;
  }
  return true;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text = fuzz::as_view(data, size);
  if (fuzz::known_issue_input(text)) return -1;  // libFuzzer: do not add to the corpus
  for (auto dialect : {doc::YamlDialect::PyYaml, doc::YamlDialect::StrictYaml}) {
    const doc::YamlLoadResult r = doc::load_yaml(text, {}, dialect);
    if (r.status != doc::YamlStatus::Ok && r.message.empty()) __builtin_trap();  // errors say why
  }
  // Frontmatter reaches load_yaml as valid UTF-8 only (decode_skill_text).
  if (!util::find_invalid_utf8(text)) {
    const doc::YamlLoadResult with = doc::load_yaml(text, {}, doc::YamlDialect::PyYaml, true);
    const doc::YamlLoadResult without = doc::load_yaml(text, {}, doc::YamlDialect::PyYaml, false);
    if (with.status != without.status || with.message != without.message || with.line != without.line ||
        !same(with.value, without.value)) {
      __builtin_trap();
    }
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
