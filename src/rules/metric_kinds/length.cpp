// `length`: int, the code points of the scope.
#include "metric_kind.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::rules {
namespace {

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "scope", "levels"});
  LengthSpec s;
  s.scope = r.scope(n);
  s.levels = r.heading_levels(n, s.scope);
  m.type = ValueType::Int;
  m.spec = s;
}

Value evaluate(const MetricDef& def, int, MetricContext& ctx, MetricPosition) {
  const auto& s = std::get<LengthSpec>(def.spec);
  std::int64_t n = 0;
  for (const auto& p : ctx.scopes.pieces(s.scope, s.levels)) n += static_cast<std::int64_t>(util::count_code_points(p.text));
  return Value::integer(n);
}

}  // namespace

const MetricKindDef k_length_kind = {
    MetricKind::Length, "length", "int: code points in `scope` (Python's len)",
    read, evaluate, /*locatable=*/false, /*waits_for_presence=*/nullptr,
};

}  // namespace skillscore::rules
