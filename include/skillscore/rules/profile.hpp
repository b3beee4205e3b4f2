#pragma once
// A profile as loaded from a rule file: how to read the document, the
// metrics, the checks that turn metrics into issues and strengths, the score
// and what the report shows. Everything here is data from rules/*.yaml.
#include <cstddef>
#include <memory>
#include <cstdint>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "skillscore/doc/frontmatter.hpp"
#include "skillscore/rules/expr.hpp"
#include "skillscore/rules/kinds.hpp"
#include "skillscore/rules/metric_specs.hpp"
#include "skillscore/rules/regex.hpp"
#include "skillscore/rules/value.hpp"
#include "skillscore/score/rating.hpp"

namespace skillscore::rules {

class PresenceIndex;

struct DocumentSpec {
  doc::FrontmatterMode frontmatter = doc::FrontmatterMode::ReferenceSplit;
  doc::YamlDialect yaml = doc::YamlDialect::PyYaml;
  RegexDialect dialect = RegexDialect::Python;
  CodeBlockSource code_blocks = CodeBlockSource::Regex;
  std::optional<Regex> code_block_pattern;  // for CodeBlockSource::Regex
  int language_group = 1;
  int code_group = 2;
  bool honor_suppressions = true;  // false: skillscore-disable comments are ignored (reference parity)
};

struct MetricDef {
  std::string name;
  MetricKind kind = MetricKind::Search;
  ValueType type = ValueType::Bool;
  std::string description;
  MetricSpec spec;
  std::size_t source_line = 0;
};

// A message with {metric} placeholders, resolved at load time.
struct Template {
  struct Part {
    std::string literal;
    int metric = -1;  // >= 0: the metric's value goes here
  };
  std::vector<Part> parts;
  bool empty() const { return parts.empty(); }
};

enum class LocateKind { None, FrontmatterKey, FirstMatch };
struct Locate {
  LocateKind kind = LocateKind::None;
  std::string key;  // FrontmatterKey
  int metric = -1;  // FirstMatch: a search/count/blocks metric
};

enum class OutcomeKind { Strength, Issue };
struct Outcome {
  std::optional<Expr> when;  // absent: always (an `else`)
  OutcomeKind kind = OutcomeKind::Issue;
  Template message;
  Template recommendation;
  Severity severity = Severity::Warning;
  Locate locate;
};

struct Check {
  std::string id;     // stable: "SF012", never reused
  std::string slug;   // "section-core-patterns"
  std::string title;  // one line
  std::string doc;    // what it checks and why
  Severity severity = Severity::Warning;
  std::vector<Outcome> outcomes;  // the first whose `when` holds fires
  int scores = -1;       // the metric of the score term this check stands for, if any
  bool enabled = true;   // false: its findings are dropped (configuration override)
  std::size_t source_line = 0;
  std::string origin;  // the profile whose file defines it (an included one, or this one)
};

struct ScoreTerm {
  int metric = -1;
  double weight = 0.0;
  std::optional<double> scale;  // value / scale, capped at 1.0
  // The weight when a custom weight table (--weights) lacks this term's key
  // (its metric's name): the reference's `weights.get(key, fallback)`, which
  // is not always the default table's weight. Absent: the term keeps `weight`.
  std::optional<double> fallback;
};
struct PenaltySpec {
  std::vector<int> critical;       // bool metrics counted
  std::vector<int> required_any;   // when none holds, one critical element is lost
  std::vector<double> multipliers; // indexed by the count
};
struct RatingBand {
  std::optional<double> min;  // absent: the last band
  score::Rating rating = score::Rating::Poor;
};
struct ScoreSpec {
  std::vector<ScoreTerm> terms;
  std::optional<PenaltySpec> penalty;
  std::vector<RatingBand> ratings;
};

enum class OutputSource { Metric, Score, Issues, Strengths };
struct OutputField {
  std::string key;
  OutputSource source = OutputSource::Metric;
  int metric = -1;
};
struct ReportSpec {
  std::vector<OutputField> metrics;
  std::vector<OutputField> deterministic_metrics;
};

struct Profile {
  std::string name;
  std::string title;
  std::string description;
  std::string source;  // file name, for messages
  DocumentSpec document;
  std::vector<MetricDef> metrics;
  std::vector<Check> checks;
  ScoreSpec score;
  ReportSpec report;
  // Built at load: one pass over the body for every presence question.
  std::shared_ptr<const class PresenceIndex> presence;
  // Set by a run of many files: one scan per piece for the find and search
  // metrics outside the body (nullptr: each pattern is searched).
  std::shared_ptr<const class ScopeScan> scope_scan;
  // Metrics whose first match some check locates: only they search for it.
  std::vector<bool> needs_location;

  int metric_index(std::string_view name) const;
};

}  // namespace skillscore::rules
