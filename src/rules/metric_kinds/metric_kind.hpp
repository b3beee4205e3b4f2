#pragma once
// What a metric kind is made of: how its options are read from a rule file,
// how it is evaluated, and its documentation. Each kind is one file in this
// directory defining one MetricKindDef; table.cpp lists them all.
#include <cstddef>
#include <vector>
#include <string>
#include <string_view>

#include "../references.hpp"
#include "../scope_text.hpp"
#include "skillscore/doc/document.hpp"
#include "skillscore/rules/metrics.hpp"
#include "skillscore/rules/profile.hpp"
#include "skillscore/rules/rule_reader.hpp"

namespace skillscore::rules {

// The rule-file reader as a kind's reader sees it: the YAML helpers, plus what
// needs the profile read so far (metric names in expressions, regex dialect).
class MetricReader : public RuleReader {
 public:
  MetricReader(std::string source, const Profile& profile) : RuleReader(std::move(source)), profile_(profile) {}

  const Profile& profile() const { return profile_; }
  RegexFlags flags(const RuleNode& parent) const;                  // `flags: [ignorecase, ...]`
  Regex regex(const RuleNode& n, RegexFlags f) const;              // in the profile's dialect
  Expr expr(const RuleNode& n) const;                              // over earlier metrics
  Expr condition(const RuleNode& n) const;                         // a bool expr
  Scope scope(const RuleNode& metric) const;                       // `scope:`, required
  HeadingLevels heading_levels(const RuleNode& n, Scope scope) const;  // `levels: [2, 3]`

  // What `search` and `find` read alike: `scope:`, `levels:`, `flags:` and
  // `patterns:` (a list, not empty), each pattern compiled with the flags.
  struct ScopedPatterns {
    Scope scope;
    HeadingLevels levels;
    RegexFlags flags;
    std::vector<Regex> patterns;
  };
  ScopedPatterns scoped_patterns(const RuleNode& metric) const;

 private:
  const Profile& profile_;
};

// A document's metrics being evaluated.
struct MetricContext {
  const Profile& profile;
  const doc::Document& doc;
  ScopeTexts scopes;
  MetricResults& out;
  // str() of the field value last tested, and its lower-cased form: several
  // field metrics in a row test the description.
  const doc::PyValue* field = nullptr;
  std::string field_text, field_lower;
  bool have_field = false, have_lower = false;
  // The references walks done, by the `mention` pattern (RE2 form, "" for
  // none): agentskills asks four questions of one walk.
  std::vector<std::pair<std::string, ReferenceReport>> reference_reports;
};

// Where a metric's value was found, for checks that locate it (0: unknown).
struct MetricPosition {
  std::size_t& line;
  std::size_t& column;
};

struct MetricKindDef {
  MetricKind kind;
  std::string_view name;         // as written in `kind:`
  std::string_view description;  // its doc: the value and the keys it reads
  // Reads the keys of `n` beyond name, kind and description: sets m.spec and m.type.
  void (*read)(const MetricReader& r, const RuleNode& n, MetricDef& m);
  // The value of metric `index` (m) for ctx.doc.
  Value (*evaluate)(const MetricDef& m, int index, MetricContext& ctx, MetricPosition at);
  // `locate: {first_match: ...}` may point at it (evaluate sets a position).
  bool locatable;
  // Whether it must wait for the body's presence pass when that runs on
  // another thread (it asks the pass, or reads metrics that may): nullptr, never.
  bool (*waits_for_presence)(const MetricSpec& spec);
};

// Every kind, in MetricKind order (table.cpp).
std::span<const MetricKindDef* const> metric_kind_defs();
const MetricKindDef& metric_kind_def(MetricKind kind);

// The kinds (one file each).
extern const MetricKindDef k_search_kind, k_count_kind, k_length_kind, k_field_kind, k_blocks_kind, k_points_kind,
    k_select_kind, k_formula_kind, k_document_kind, k_references_kind, k_find_kind, k_characters_kind, k_tokens_kind,
    k_param_kind;

}  // namespace skillscore::rules
