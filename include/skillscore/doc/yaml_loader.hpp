#pragma once
// Loads frontmatter YAML the way the reference's yaml.safe_load sees it:
// yaml-cpp parses, PyYAML's YAML 1.1 rules type the scalars.
#include <cstddef>
#include <string>
#include <string_view>

#include "skillscore/doc/pyvalue.hpp"

namespace skillscore::doc {

enum class YamlStatus {
  Ok,     // `value` holds what safe_load returned
  Error,  // safe_load raised a YAMLError: the reference uses {}
  Crash,  // the reference itself fails (ValueError, RecursionError...)
  Limit,  // skillscore's own guard (values once aliases are expanded): PyYAML may load it
};

struct YamlLoadResult {
  YamlStatus status = YamlStatus::Ok;
  PyValue value;
  std::string message;     // the cause, when not Ok
  std::size_t line = 0;    // 1-based in the YAML text, 0 when unknown
  std::size_t column = 0;  // 1-based
};

// Which YAML the reader emulates.
enum class YamlDialect {
  PyYaml,      // yaml.safe_load: YAML 1.1 typing (the skill-fleet reference)
  StrictYaml,  // strictyaml.load (the agentskills validator): every scalar is a
               // string; flow collections, tags, anchors/aliases and
               // duplicate keys are errors
};

struct YamlLimits {
  std::size_t max_depth = 300;      // PyYAML's recursive constructor fails near here
  std::size_t max_nodes = 200000;   // bounds alias expansion ("billion laughs")
};

// Frontmatter of the common simple shape is read directly (yaml_simple.cpp);
// `simple_reader` false sends everything through yaml-cpp (tests compare the two).
YamlLoadResult load_yaml(std::string_view text, const YamlLimits& limits = {},
                         YamlDialect dialect = YamlDialect::PyYaml, bool simple_reader = true);

}  // namespace skillscore::doc
