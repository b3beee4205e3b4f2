#pragma once
// PyYAML's tokens (tokens.py), with the ids its error messages print.
#include <cstdint>
#include <string>
#include <string_view>

#include "error.hpp"

namespace skillscore::doc::pyyaml {

enum class Tok : std::uint8_t {
  StreamStart, StreamEnd, Directive, DocumentStart, DocumentEnd, BlockSequenceStart, BlockMappingStart,
  BlockEnd, FlowSequenceStart, FlowMappingStart, FlowSequenceEnd, FlowMappingEnd, Key, Value, BlockEntry,
  FlowEntry, Alias, Anchor, Tag, Scalar,
};

// Token.id, as "%r" prints it in a parser message.
std::string_view token_id_repr(Tok t);

struct Token {
  Tok type = Tok::StreamEnd;
  Mark start, end;
  std::string value;   // Scalar: the text; Alias, Anchor: the name; Tag: the suffix; Directive: the name
  std::string handle;  // Tag: the handle ("!", "!!", "!x!")
  bool has_handle = false;
  bool plain = false;  // Scalar
  char style = 0;      // Scalar: 0 (plain), '\'', '"', '|', '>'
  // Directive: %YAML major.minor, or %TAG handle prefix
  long major = 0, minor = 0;
  std::string tag_prefix;
};

}  // namespace skillscore::doc::pyyaml
