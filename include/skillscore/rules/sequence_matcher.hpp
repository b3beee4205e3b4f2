#pragma once
// A direct matcher for one family of Python patterns: a literal, then
// literals and greedy runs of \w or \d, ending in a lazy gap and a literal,
// each run or gap a capturing group. The reference's code-block pattern,
// '```(\w*)\n(.*?)```', is one. Such a pattern never backtracks (each run is
// followed by a literal that cannot continue it, and the gap ends at the
// first occurrence of the closing literal), so it can be matched with memchr
// and memcmp at the speed of a scan, with its groups, where RE2 needs two DFA
// passes and a capture engine per match.
//
// It decides only what it can decide from ASCII: when a run would have to
// classify a non-ASCII character, it answers Unsure and the caller asks RE2.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/rules/regex.hpp"

namespace skillscore::rules {

class SequenceMatcher {
 public:
  enum class Result { Found, NotFound, Unsure };

  // nullopt when `source` (Python dialect) is not of the supported shape.
  static std::optional<SequenceMatcher> compile(std::string_view source, RegexFlags flags);

  // Like Regex::find_groups: the leftmost match at or after `pos` and its
  // groups 1..ngroups (ngroups <= group_count()).
  Result find_groups(std::string_view text, std::size_t pos, Match& whole, std::string_view* groups,
                     int ngroups) const;
  int group_count() const { return groups_; }

 private:
  enum class Kind { Literal, WordRun, DigitRun, Gap };
  struct Item {
    Kind kind = Kind::Literal;
    std::string literal;    // Kind::Literal
    bool at_least_one = false;  // runs: '+' rather than '*'
  };
  std::vector<Item> items_;  // items_[0] and items_.back() are literals
  bool dot_all_ = false;
  int groups_ = 0;
};

}  // namespace skillscore::rules
