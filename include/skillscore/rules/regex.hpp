#pragma once
// Regular expressions for rules: RE2 (linear time in the input), with a
// translation of Python `re` syntax so a profile can say what the reference says.
#include <re2/re2.h>

#include <cstddef>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

namespace skillscore::rules {

enum class RegexDialect {
  Python,  // Python 3 `re` on str: Unicode \w \d \s, Python's IGNORECASE folding
  Re2,     // RE2 syntax as it is
};

struct RegexFlags {
  bool ignore_case = false;
  bool multiline = false;
  bool dot_all = false;
};

struct Match {
  std::size_t begin = 0;
  std::size_t end = 0;
};

class SequenceMatcher;

class Regex {
 public:
  // Compiles `source`; nullopt with `error` set when it is not valid.
  static std::optional<Regex> compile(std::string_view source, RegexFlags flags, RegexDialect dialect,
                                      std::string& error);

  // re.search: the first match, if any.
  std::optional<Match> search(std::string_view text) const;
  // len(re.findall(...)): non-overlapping matches, left to right. `first`
  // receives the first match when there is one. Exact for patterns that
  // cannot match the empty string; for the others, an approximation.
  std::size_t count(std::string_view text, std::optional<Match>* first = nullptr) const;
  // Captures groups 1..n of the next match at or after `pos`.
  bool find_groups(std::string_view text, std::size_t pos, Match& whole, std::string_view* groups,
                   int ngroups) const;
  int group_count() const { return re_->NumberOfCapturingGroups(); }
  // Whether the pattern matches the empty string. Counting such patterns the
  // way Python's findall does is not possible in linear time in general, so
  // rule files may not use them for `count` metrics.
  bool matches_empty() const { return longest_ != nullptr; }
  const std::string& source() const { return source_; }
  // The pattern as RE2 compiles it (translated, with its flags inline).
  const std::string& re2_pattern() const { return re_->pattern(); }

 private:
  std::string source_;
  std::shared_ptr<const RE2> re_;
  // For patterns that can match the empty string: the same pattern with
  // longest-match semantics, used to retry at the place of an empty match.
  std::shared_ptr<const RE2> longest_;
  // For Python-dialect patterns with groups: the same pattern with ASCII \w
  // and \d, used for the groups of an all-ASCII match (find_groups).
  std::shared_ptr<const RE2> ascii_twin_;
  bool twin_context_free_ = false;  // no ^ $ \A \z: the twin may see the match alone
  // For patterns of a shape that never backtracks ('```(\w*)\n(.*?)```'):
  // a direct matcher tried before RE2 by find_groups.
  std::shared_ptr<const SequenceMatcher> sequence_;
};

// The RE2 pattern equivalent to a Python `re` pattern with these flags, or
// nullopt with `error` naming the construct RE2 cannot express.
std::optional<std::string> translate_python_regex(std::string_view source, RegexFlags flags, std::string& error);
// The same with ASCII \w \W \d \D, equivalent to the above on ASCII text.
std::optional<std::string> translate_python_regex(std::string_view source, RegexFlags flags, std::string& error,
                                                  bool ascii);

}  // namespace skillscore::rules
