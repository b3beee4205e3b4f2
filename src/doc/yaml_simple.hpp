#pragma once
// A direct reader for the frontmatter most skills have: block mappings of
// keys and values (plain, quoted, or flow lists of them on one line; plain and
// single-quoted scalars that go on over deeper lines; block scalars), nested
// mappings, block lists of one-line items, and comment lines. It gives the
// value load_yaml gets from the full loader (src/doc/pyyaml/: same typing, same
// positions) at a fraction of the cost, and declines (nullopt) anything
// outside that shape, which the full loader then reads: comments after a
// value, block scalars in lists, escapes beyond \" \\ \/ \n \t and "\ ",
// multi-line double-quoted scalars, anchors, tags, tabs, merge keys, flow
// mappings, and whatever PyYAML would refuse.
#include <optional>
#include <string_view>

#include "skillscore/doc/yaml_loader.hpp"

namespace skillscore::doc {

std::optional<YamlLoadResult> load_simple_yaml(std::string_view text, const YamlLimits& limits);

}  // namespace skillscore::doc
