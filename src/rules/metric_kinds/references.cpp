// `references`: the files the body points to, checked against the skill directory
// (the walk itself: ../references.cpp).
#include "../references.hpp"
#include "metric_kind.hpp"

namespace skillscore::rules {
namespace {

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "test", "mention", "flags"});
  ReferencesSpec s;
  s.test = r.enum_value(r.require(n, "test"), reference_tests(), "reference test");
  if (n["mention"].IsDefined()) s.mention = r.regex(n["mention"], r.flags(n));
  m.type = s.test == ReferenceTest::MissingCount || s.test == ReferenceTest::UnreferencedCount ? ValueType::Int
                                                                                               : ValueType::String;
  m.spec = std::move(s);
}

// The walk for `s`, done once per document and mention pattern.
const ReferenceReport& report(const ReferencesSpec& s, MetricContext& ctx) {
  const std::string key = s.mention ? s.mention->re2_pattern() : std::string();
  for (const auto& [k, r] : ctx.reference_reports) {
    if (k == key) return r;
  }
  return ctx.reference_reports.emplace_back(key, check_references(ctx.doc, s)).second;
}

Value evaluate(const MetricDef& def, int, MetricContext& ctx, MetricPosition at) {
  const auto& s = std::get<ReferencesSpec>(def.spec);
  const ReferenceReport& r = report(s, ctx);
  switch (s.test) {
    case ReferenceTest::MissingCount:
      if (!r.missing.empty()) at.line = r.missing.front().line;
      return Value::integer(static_cast<std::int64_t>(r.missing.size()));
    case ReferenceTest::MissingFirst:
      if (!r.missing.empty()) at.line = r.missing.front().line;
      return Value::string(r.missing.empty() ? std::string() : r.missing.front().target);
    case ReferenceTest::UnreferencedCount: return Value::integer(static_cast<std::int64_t>(r.unreferenced.size()));
    case ReferenceTest::UnreferencedFirst:
      return Value::string(r.unreferenced.empty() ? std::string() : r.unreferenced.front());
  }
  return Value::integer(0);
}

}  // namespace

const MetricKindDef k_references_kind = {
    MetricKind::References, "references",
    "int or string: `test` over the files the body points to (links, and `pattern` mentions) in the skill directory",
    read, evaluate, /*locatable=*/true, /*waits_for_presence=*/nullptr,
};

}  // namespace skillscore::rules
