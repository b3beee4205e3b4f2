#pragma once
// A direct reader for the frontmatter most skills have: block mappings of
// keys and one-line values (plain, quoted, or flow lists of them), nested
// mappings and block lists, block scalars as mapping values, nothing else. It gives the value load_yaml gets
// from the full loader (src/doc/pyyaml/: same typing, same positions) at a fraction of the cost,
// and declines (nullopt) anything outside that shape, which the full loader then
// reads: comments, block scalars in lists, escapes, multi-line scalars, anchors, tags,
// tabs, merge keys, flow mappings, and whatever PyYAML would refuse.
#include <optional>
#include <string_view>

#include "skillscore/doc/yaml_loader.hpp"

namespace skillscore::doc {

std::optional<YamlLoadResult> load_simple_yaml(std::string_view text, const YamlLimits& limits);

}  // namespace skillscore::doc
