#pragma once
// One Vectorscan scan of a piece of text answers, for every pattern that the
// profile's `find` metrics (any scope) and `search` metrics (outside the
// body, which the presence index answers) run over that piece's scope,
// whether it can match there; the metrics then run RE2 only for those that
// can. security and strict run some thirty `find` metrics over the file: thirty
// DFA passes over every byte, where one scan finds the few with a match.
//
// An answer "cannot match" is exact for the patterns Vectorscan covers; the
// others are always "may match". Patterns with an unbounded gap ('.*', or
// any lazy repetition) are left out, as the presence index leaves them out:
// Vectorscan 5.4.9 misses some of their matches (presence.cpp).
#include <cstddef>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/rules/kinds.hpp"
#include "skillscore/rules/metric_specs.hpp"
#include "skillscore/rules/vectorscan_set.hpp"
#include "skillscore/util/unicode.hpp"

namespace skillscore::rules {

struct Profile;

class ScopeScan {
 public:
  // nullptr when no metric has patterns to scan for. The databases are the
  // ones built with skillscore (tools/compile_vectorscan.cpp), or, with
  // `compile_if_missing`, compiled on first use; without one a group answers
  // "may match" for all its patterns.
  static std::shared_ptr<const ScopeScan> build(const Profile& profile, bool compile_if_missing = false);

  ScopeScan() = default;
  ScopeScan(const ScopeScan&) = delete;
  ScopeScan& operator=(const ScopeScan&) = delete;

  // The group (scope and heading levels) of metric `metric`'s patterns, -1 when none.
  int group(int metric) const;
  // Pattern `pattern` of metric `metric` in its group, -1 when not scanned for.
  int slot(int metric, int pattern) const;
  Scope scope(int group) const { return groups_[static_cast<std::size_t>(group)]->scope; }
  HeadingLevels levels(int group) const { return groups_[static_cast<std::size_t>(group)]->levels; }
  std::size_t size(int group) const { return groups_[static_cast<std::size_t>(group)]->ascii.size(); }
  std::size_t groups() const { return groups_.size(); }

  // Sets may[i] = false for each pattern i of `group` that cannot match
  // `text`, true for the others; false (nothing known) when the group has no
  // database or the scan failed.
  bool scan(int group, std::string_view text, util::UnicodeClasses classes, std::vector<bool>& may) const;

  // For the build tool: the group's database for texts with `classes`, compiled
  // or found on first use (nullptr: none).
  const VectorscanSet* vectorscan(int group, util::UnicodeClasses classes) const;

 private:
  struct Group {
    Scope scope = Scope::Body;
    HeadingLevels levels = 0;
    // The patterns as written and their ASCII forms (Regex::ascii_pattern):
    // the one for texts that need Unicode classes, the other for the rest.
    std::vector<std::string> exact, ascii;
    mutable std::once_flag once_exact, once_ascii;
    mutable std::unique_ptr<VectorscanSet> vs_exact, vs_ascii;
  };
  std::vector<std::unique_ptr<Group>> groups_;
  std::vector<int> metric_group_;               // [metric] -> group
  std::vector<std::vector<int>> metric_slots_;  // [metric][pattern] -> slot in the group
  bool compile_if_missing_ = false;
};

}  // namespace skillscore::rules
