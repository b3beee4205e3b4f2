#pragma once
// Finding the frontmatter and the body in a SKILL.md text.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "skillscore/doc/pyvalue.hpp"
#include "skillscore/doc/yaml_loader.hpp"

namespace skillscore::doc {

// How a profile finds the frontmatter.
enum class FrontmatterMode {
  // The reference: text.startswith("---"), then text.split("---", 2), which
  // takes the first two "---" anywhere (mid-line too); body = parts[2].strip().
  ReferenceSplit,
  // A "---" line opens and the next "---" line closes (agentskills, editors).
  DelimitedLines,
};

struct FrontmatterSplit {
  bool opened = false;   // the text starts with the opening delimiter
  bool present = false;  // ... and it is closed
  std::string_view yaml;       // between the delimiters
  std::size_t yaml_offset = 0; // byte offset of `yaml` in the text
  std::string_view body;       // the body as the profile sees it
  std::size_t body_offset = 0; // byte offset of `body` in the text
};

FrontmatterSplit split_frontmatter(std::string_view text, FrontmatterMode mode);

enum class FrontmatterState {
  Absent,      // the text does not start with the delimiter: {}
  Unclosed,    // opened but never closed: {}
  Loaded,      // a mapping (or, with PyYAML, a falsy value the reference turns into {})
  YamlError,   // the YAML does not parse: {}, as the reference does
  Unusable,    // PyYAML: the reference would crash (not a mapping, impossible date...): {}
  NotMapping,  // strictyaml: parsed, but not a mapping: {}
};

struct Frontmatter {
  FrontmatterState state = FrontmatterState::Absent;
  PyValue data;                // always a mapping, possibly empty
  std::string message;         // the cause, for YamlError and Unusable
  bool own_limit = false;      // Unusable by skillscore's own guard, not a failure of the reference
  std::size_t line = 0;        // 1-based file line of the problem, 0 when unknown
  std::size_t first_line = 0;  // 1-based file line where the YAML text starts

  // 1-based file line of a top-level key, when it is there.
  std::optional<std::size_t> key_line(std::string_view key) const;
  // 1-based file line and column of a node of `data` (0, 0 when unknown).
  std::pair<std::size_t, std::size_t> position(const PyValue& node) const;
};

// Loads the YAML of a split; `yaml_first_line` is the file line where it starts.
Frontmatter load_frontmatter(const FrontmatterSplit& split, std::size_t yaml_first_line,
                             YamlDialect dialect = YamlDialect::PyYaml);

}  // namespace skillscore::doc
