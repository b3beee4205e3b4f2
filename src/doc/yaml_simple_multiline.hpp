#pragma once
// The scalars of yaml_simple that may span lines: block scalars (| and >),
// PyYAML's scan_block_scalar, and single-quoted ones, its scan_flow_scalar,
// over a text that holds no tab, carriage return or break beyond '\n'
// (yaml_simple reads no other text), so columns are byte offsets.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace skillscore::doc {

struct ScannedScalar {
  std::string value;
  // Where PyYAML's scanner stops: `end` is a byte offset on the first line
  // not taken (after its leading spaces), or text.size() when `at_end`.
  std::size_t end = 0;
  bool at_end = false;
};

// The block scalar whose indicator is at `indicator` in `text`, a value of a
// block mapping whose keys are at column `parent_indent`. nullopt where
// PyYAML reports an error (a bad header) or reads something else.
std::optional<ScannedScalar> read_block_scalar(std::string_view text, std::size_t indicator, std::size_t parent_indent);

// The single-quoted scalar whose opening quote is at `quote`: `end` is just
// after the closing quote. nullopt where PyYAML reports an error (the text
// ends, a document marker starts a line inside it).
std::optional<ScannedScalar> read_single_quoted(std::string_view text, std::size_t quote);

}  // namespace skillscore::doc
