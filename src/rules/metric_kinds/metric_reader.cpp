#include "metric_kind.hpp"

namespace skillscore::rules {

RegexFlags MetricReader::flags(const RuleNode& parent) const {
  RegexFlags f;
  const RuleNode& n = parent["flags"];
  if (!n.IsDefined()) return f;
  expect_seq(n, "flags");
  for (const auto& x : n.items()) {
    switch (enum_value(x, regex_flags(), "flag")) {
      case RegexFlag::IgnoreCase: f.ignore_case = true; break;
      case RegexFlag::Multiline: f.multiline = true; break;
      case RegexFlag::DotAll: f.dot_all = true; break;
    }
  }
  return f;
}

MetricReader::ScopedPatterns MetricReader::scoped_patterns(const RuleNode& n) const {
  ScopedPatterns s;
  s.scope = scope(n);
  s.levels = heading_levels(n, s.scope);
  s.flags = flags(n);
  const RuleNode& pats = require(n, "patterns");
  expect_seq(pats, "patterns");
  for (const auto& x : pats.items()) s.patterns.push_back(regex(x, s.flags));
  if (s.patterns.empty()) fail(pats, "patterns must not be empty");
  return s;
}

Regex MetricReader::regex(const RuleNode& n, RegexFlags f) const {
  std::string error;
  auto r = Regex::compile(scalar(n, "pattern"), f, profile_.document.dialect, error);
  if (!r) fail(n, "bad regex '" + n.Scalar() + "': " + error);
  return std::move(*r);
}

Expr MetricReader::expr(const RuleNode& n) const {
  std::string error;
  auto lookup = [this](std::string_view name) -> std::optional<Symbol> {
    const int i = profile_.metric_index(name);
    if (i < 0) return std::nullopt;
    return Symbol{i, profile_.metrics[static_cast<std::size_t>(i)].type};
  };
  auto e = Expr::parse(scalar(n, "expression"), lookup, error);
  if (!e) fail(n, error);
  return std::move(*e);
}

Expr MetricReader::condition(const RuleNode& n) const {
  Expr e = expr(n);
  if (e.type() != ValueType::Bool) {
    fail(n, "a condition must be a bool expression, '" + e.source() + "' is " + std::string(value_type_name(e.type())));
  }
  return e;
}

Scope MetricReader::scope(const RuleNode& metric) const {
  return enum_value(require(metric, "scope"), scopes(), "scope");
}

HeadingLevels MetricReader::heading_levels(const RuleNode& n, Scope scope) const {
  const RuleNode& levels = n["levels"];
  if (!levels.IsDefined()) return 0;
  if (scope != Scope::Headings) fail(levels, "levels are only for the headings scope");
  expect_seq(levels, "levels");
  HeadingLevels mask = 0;
  for (const auto& l : levels.items()) {
    const auto level = integer(l, "a heading level");
    if (level < 1 || level > 6) fail(l, "a heading level is 1 to 6");
    mask = static_cast<HeadingLevels>(mask | (1u << level));
  }
  if (mask == 0) fail(levels, "levels must not be empty");
  return mask;
}

}  // namespace skillscore::rules
