#pragma once
// What PyYAML's pure-Python scanner refuses, or reads differently, where
// yaml-cpp (a YAML 1.2 parser) accepts: found from yaml-cpp's own tree.
#include <yaml-cpp/yaml.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace skillscore::doc {

struct PyYamlScanIssue {
  std::string message;
  std::size_t pos = 0;  // byte offset in the YAML text
};

struct PyYamlScan {
  std::optional<PyYamlScanIssue> error;
  // Offsets of NEL, LS and PS outside quoted and block scalars and comments:
  // PyYAML breaks lines there, yaml-cpp does not.
  std::vector<std::size_t> line_breaks;
};

// Checks `text`, already parsed by yaml-cpp into `root`:
// - a tab anywhere but inside a quoted scalar, block scalar content or a
//   comment (PyYAML skips only spaces between tokens, and ends plain scalars at tabs);
// - a quoted scalar that is never closed;
// - a directive line ('%' in column 0): the split removed the "---" it needs.
PyYamlScan scan_like_pyyaml(std::string_view text, const YAML::Node& root);

}  // namespace skillscore::doc
