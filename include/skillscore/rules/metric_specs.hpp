#pragma once
// The options of each metric kind, as read from a rule file (one struct per
// kind; metric_kinds/<kind>.cpp reads and evaluates it). MetricSpec holds one,
// its alternatives in MetricKind order.
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "skillscore/rules/expr.hpp"
#include "skillscore/rules/kinds.hpp"
#include "skillscore/rules/regex.hpp"

namespace skillscore::rules {

// Bit (1 << level) for each heading level a `headings` scope keeps; 0: all.
using HeadingLevels = std::uint8_t;

struct SearchSpec {
  Scope scope = Scope::Body;
  HeadingLevels levels = 0;
  std::vector<Regex> patterns;
  bool all = false;
  // For code blocks cut from the body by a regex (each a substring of it):
  // which patterns can match at all, asked once of the body.
  std::shared_ptr<const class LiteralPrefilter> prefilter;
};
struct CountSpec {
  Scope scope = Scope::Body;
  HeadingLevels levels = 0;
  std::optional<Regex> pattern;
};
struct LengthSpec {
  Scope scope = Scope::Body;
  HeadingLevels levels = 0;
};
struct FieldSpec {
  std::vector<std::string> path;
  FieldTest test = FieldTest::Truthy;
  std::vector<std::string> values;  // lower-cased already when ignore_case
  bool ignore_case = false;
};
struct BlocksSpec {
  bool require_language = false;
  bool missing_language = false;  // count the blocks without a language instead
  int min_lines = 0;
};
struct PointsTerm {
  std::optional<Expr> when;
  double add = 0.0;
};
struct PointsSpec {
  std::optional<Expr> gate;  // `if`: when false the metric is 0.0
  std::vector<PointsTerm> terms;
  std::optional<double> cap;
};
struct SelectCase {
  Expr when;
  std::string value;
};
struct SelectSpec {
  std::vector<SelectCase> cases;
  std::string otherwise;
};
struct FormulaSpec {
  std::optional<Expr> expr;
};
struct DocumentPropertySpec {
  DocumentProperty property = DocumentProperty::FrontmatterState;
};
struct ReferencesSpec {
  ReferenceTest test = ReferenceTest::MissingCount;
  std::optional<Regex> mention;  // paths written in the text (`references/x.md`), besides links
};

// In MetricKind order (the loader checks it).
using MetricSpec = std::variant<SearchSpec, CountSpec, LengthSpec, FieldSpec, BlocksSpec, PointsSpec, SelectSpec,
                                FormulaSpec, DocumentPropertySpec, ReferencesSpec>;

}  // namespace skillscore::rules
