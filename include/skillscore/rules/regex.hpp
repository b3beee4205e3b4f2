#pragma once
// Regular expressions for rules: RE2 (linear time in the input), with a
// translation of Python `re` syntax so a profile can say what the reference says.
#include <re2/re2.h>

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "skillscore/util/unicode.hpp"

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
class LiteralSet;
class AnchoredMatcher;

struct StartLiteral {
  std::string literal;         // empty: none
  bool at_line_start = false;  // '^' under MULTILINE: only where a line starts
};

class Regex {
 public:
  // Compiles `source`; nullopt with `error` set when it is not valid.
  // A built-in pattern checked at build time (verified_patterns.hpp) is only
  // translated here; its RE2 programs are compiled on first use.
  static std::optional<Regex> compile(std::string_view source, RegexFlags flags, RegexDialect dialect,
                                      std::string& error);
  // The same with every RE2 program compiled now, the table not consulted:
  // what the build tool checks a built-in pattern with.
  static std::optional<Regex> compile_now(std::string_view source, RegexFlags flags, RegexDialect dialect,
                                          std::string& error);
  // Called with every pattern compile() is given (the build tool collects the
  // built-in profiles' patterns this way); none by default. Not thread-safe:
  // set it before any compile.
  using CompileObserver = void (*)(std::string_view source, RegexFlags flags, RegexDialect dialect);
  static void set_compile_observer(CompileObserver observer);

  // `classes` is what the caller knows of `text` (Unknown: looked at here);
  // see ascii_ below.
  using Classes = util::UnicodeClasses;

  // re.search: the first match, if any.
  std::optional<Match> search(std::string_view text, Classes classes = Classes::Unknown) const;
  // len(re.findall(...)): non-overlapping matches, left to right. `first`
  // receives the first match when there is one. Exact for patterns that
  // cannot match the empty string; for the others, an approximation.
  std::size_t count(std::string_view text, std::optional<Match>* first = nullptr, Classes classes = Classes::Unknown) const;
  // Captures groups 1..n of the next match at or after `pos`.
  bool find_groups(std::string_view text, std::size_t pos, Match& whole, std::string_view* groups, int ngroups,
                   Classes classes = Classes::Unknown) const;
  int group_count() const { return groups_; }
  // Whether the pattern matches the empty string. Counting such patterns the
  // way Python's findall does is not possible in linear time in general, so
  // rule files may not use them for `count` metrics.
  bool matches_empty() const { return longest_ != nullptr; }
  const std::string& source() const { return source_; }
  // Whether every match starts with known characters: search() and count()
  // then look for those first.
  bool has_leading_literal() const { return !start_.literal.empty(); }
  // Whether find_groups has a direct matcher (SequenceMatcher) for it.
  bool direct() const { return sequence_ != nullptr; }
  // The pattern as RE2 compiles it (translated, with its flags inline).
  const std::string& re2_pattern() const { return exact_->pattern; }
  // The same for texts that need no Unicode classes (see ascii_ below).
  const std::string& ascii_pattern() const { return ascii_ ? ascii_->pattern : exact_->pattern; }
  // Whether it has an ASCII form (see ascii_ below).
  bool has_ascii_twin() const { return ascii_ != nullptr; }

 private:
  struct Lazy {
    std::string pattern;
    bool longest_match = false;
    std::once_flag once;
    std::unique_ptr<const RE2> re;
    const RE2& get();  // compiled on the first call (ok() may be false)
  };
  static std::optional<Regex> build(std::string_view source, RegexFlags flags, RegexDialect dialect,
                                    std::string& error, bool now);
  const RE2& checked(Lazy& lazy) const;  // lazy's program, or throws when RE2 refuses it
  const RE2& exact() const;
  const RE2& longest() const;  // longest_'s, which exists
  const RE2& pick(std::string_view text, Classes classes) const;

  std::string source_;
  int groups_ = 0;
  // The pattern itself. When ascii_ exists it is compiled on first use only:
  // Python's Unicode \w and \d make RE2 programs that cost a millisecond
  // each to compile, \s and IGNORECASE's i a little each, and most texts
  // never need them.
  std::shared_ptr<Lazy> exact_;
  // For Python-dialect patterns with \w \d \s (and their negations) or an
  // 'i' under IGNORECASE: the same with ASCII classes. On a text without
  // letters, digits or spaces beyond ASCII (util::UnicodeClasses) both accept
  // the same characters, so it stands in for the pattern there; elsewhere it
  // gives the groups of an all-ASCII match (find_groups), cheaply.
  std::shared_ptr<Lazy> ascii_;
  bool ascii_context_free_ = false;  // no ^ $ \A \z: ascii_ may see a match alone
  // For patterns that can match the empty string: the same pattern with
  // longest-match semantics, used to retry at the place of an empty match.
  std::shared_ptr<Lazy> longest_;
  // The literal characters every match starts with, if any: where count()
  // looks for candidates (see start_literal).
  StartLiteral start_;
  // For patterns of a shape that never backtracks ('```(\w*)\n(.*?)```'):
  // a direct matcher tried before RE2 by find_groups.
  std::shared_ptr<const SequenceMatcher> sequence_;
  // For choices of literals that end in one byte ('(?:scripts|guides)/'):
  // a direct counter tried before RE2 by count().
  std::shared_ptr<const LiteralSet> literal_set_;
  // For patterns led by a literal whose rest is simple characters, classes
  // and quantifiers ('###\s+\w+'): whether a match starts at a candidate,
  // tried before RE2 by count() and search().
  std::shared_ptr<const AnchoredMatcher> anchored_;
};

// The RE2 pattern equivalent to a Python `re` pattern with these flags, or
// nullopt with `error` naming the construct RE2 cannot express.
std::optional<std::string> translate_python_regex(std::string_view source, RegexFlags flags, std::string& error);
// The same with ASCII \w \W \d \D \s \S and no U+0130/U+0131 for 'i' under
// IGNORECASE: equivalent to the above on text without letters, digits or
// spaces beyond ASCII.
std::optional<std::string> translate_python_regex(std::string_view source, RegexFlags flags, std::string& error,
                                                  bool ascii);

}  // namespace skillscore::rules
