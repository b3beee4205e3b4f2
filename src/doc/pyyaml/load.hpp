#pragma once
// yaml.safe_load as PyYAML 6 runs it: Reader, Scanner, Parser, Composer
// (with Resolver), SafeConstructor, each a port of its Python module.
#include <string_view>

#include "skillscore/doc/yaml_loader.hpp"

namespace skillscore::doc::pyyaml {

YamlLoadResult safe_load(std::string_view text, const YamlLimits& limits);

}  // namespace skillscore::doc::pyyaml
