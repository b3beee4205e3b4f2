#pragma once
// Python `re` escapes that stand for one literal character, for the direct
// matchers that read Python patterns (SequenceMatcher, LiteralSet).
#include <cstring>
#include <optional>

namespace skillscore::rules {

// The character `\e` stands for, or nullopt when the escape is a class,
// an anchor, a back-reference or anything else but one literal character.
inline std::optional<char> python_escaped_literal(char e) {
  switch (e) {
    case 'n': return '\n';
    case 't': return '\t';
    case 'r': return '\r';
    case 'f': return '\f';
    case 'v': return '\v';
    default: break;
  }
  const auto c = static_cast<unsigned char>(e);
  if (c < 0x80 && e != '\0' && std::strchr("!\"#%&',-/:;<=>@_`~.^$*+?{}[]|()\\ ", e) != nullptr) return e;
  return std::nullopt;
}

// Characters with a meaning of their own in a pattern (outside a class).
inline bool python_meta(char c) { return c != '\0' && std::strchr(".^$*+?{}[]|()\\", c) != nullptr; }

}  // namespace skillscore::rules
