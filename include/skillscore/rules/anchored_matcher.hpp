#pragma once
// A direct answer to "does a match start here" for Python patterns that start
// with a literal (Regex's StartLiteral) followed by single characters,
// classes (\s \d \w, their negations, '.'), groups and the quantifiers ? * +,
// and perhaps a final '$' under MULTILINE: '^##\s+', '#\s*TODO',
// '###\s+(?:Pattern\s+)?\d*\.?\s*\w+'. Count and search find the literal's
// occurrences and ask this at each, where they called RE2 anchored there: a
// bit-parallel run of the pattern's position automaton (Glushkov), at most
// 64 positions, over the bytes after the literal.
//
// Only patterns where no character after the literal can be the literal's
// first byte are taken. Then a match holds no other candidate, so a count may
// go on right after the literal without knowing where the match ends (which
// a backtracking engine decides by priority, not by length), and every run
// stops at the next candidate: the work stays linear in the text.
//
// It decides only what it can decide from ASCII: where a class would have to
// classify a non-ASCII character (any for '.' and negated classes; for \s \d
// \w, unless the text needs no Unicode classes), it answers Unsure and the
// caller asks RE2.
#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

#include "skillscore/rules/regex.hpp"

namespace skillscore::rules {

class AnchoredMatcher {
 public:
  enum class Result { Match, NoMatch, Unsure };

  // nullopt when `source` (Python dialect) is not of the supported shape or
  // does not start with `lead` (for '^' under MULTILINE: after the '^').
  static std::optional<AnchoredMatcher> compile(std::string_view source, RegexFlags flags, const StartLiteral& lead);

  // Whether a match starts at `at`, where the lead literal occurs (and a line
  // starts, for '^': the caller checks that). `ascii_classes`: the text needs
  // no Unicode classes (util::UnicodeClasses::Unneeded).
  Result match_at(std::string_view text, std::size_t at, bool ascii_classes) const;

 private:
  bool ends_ok(std::string_view text, std::size_t end) const {
    return !dollar_ || end == text.size() || text[end] == '\n';
  }

  std::size_t lead_size_ = 0;
  std::array<std::uint64_t, 128> reach_{};   // reach_[b]: positions whose class holds ASCII byte b
  std::array<std::uint64_t, 64> follow_{};   // follow_[p]: positions that may come right after p
  std::uint64_t start_ = 0;                  // positions that may match the first byte after the literal
  std::uint64_t last_ = 0;                   // positions a match may end with
  bool empty_rest_ = false;                  // the literal alone is a match
  bool dollar_ = false;                      // a final '$' (MULTILINE): the match ends at a newline or the end
  std::uint64_t unsure_always_ = 0;          // '.', \S \D \W: non-ASCII characters are for RE2
  std::uint64_t unsure_unicode_ = 0;         // \s \d \w: the same, unless the text needs no Unicode classes
};

}  // namespace skillscore::rules
