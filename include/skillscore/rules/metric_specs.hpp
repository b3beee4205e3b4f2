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
#include "skillscore/rules/value.hpp"
#include "skillscore/util/bpe.hpp"

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

struct FindSpec {
  Scope scope = Scope::Body;
  HeadingLevels levels = 0;
  std::vector<Regex> patterns;
  std::vector<Regex> except;  // a match whose shown part any of these finds is passed over
  int group = 0;              // the capture group shown and located (0: the whole match)
  FindShow show = FindShow::Match;
  int max_chars = 80;
};
struct CharacterRange {
  char32_t first = 0, last = 0;
  std::string name;  // "RIGHT-TO-LEFT OVERRIDE"; for a range, the range's name
  CharContext allowed = CharContext::Nowhere;
  bool decode_tags = false;  // tag characters: also show the ASCII text they spell
};
struct CharactersSpec {
  Scope scope = Scope::File;
  std::vector<std::string> path;  // a frontmatter field instead of a scope
  std::vector<CharacterRange> characters;
  // lead[b]: a listed character's UTF-8 encoding may start with byte b (no
  // continuation byte is one), so a scan skips every other character undecoded.
  std::vector<bool> lead = std::vector<bool>(256, false);
  bool ascii_listed = false;  // some lead byte is ASCII: ASCII runs are not skipped wholesale
};
enum class TokensValue { Max, Sum, LargestFile };
struct TokensSpec {
  util::Encoding encoding = util::Encoding::O200kBase;
  Scope scope = Scope::Body;
  std::vector<std::string> path;  // a frontmatter field instead of a scope
  TokensValue value = TokensValue::Sum;
};
struct ParamSpec {
  Value value;  // int or float; a configuration's `params:` may replace it
};

// In MetricKind order (the loader checks it).
using MetricSpec = std::variant<SearchSpec, CountSpec, LengthSpec, FieldSpec, BlocksSpec, PointsSpec, SelectSpec,
                                FormulaSpec, DocumentPropertySpec, ReferencesSpec, FindSpec, CharactersSpec, TokensSpec,
                                ParamSpec>;

}  // namespace skillscore::rules
