// `count`: int, the non-overlapping matches of one pattern in the scope.
#include "metric_kind.hpp"
#include "skillscore/rules/presence.hpp"

namespace skillscore::rules {
namespace {

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "scope", "levels", "flags", "pattern"});
  CountSpec s;
  s.scope = r.scope(n);
  s.levels = r.heading_levels(n, s.scope);
  s.pattern = r.regex(r.require(n, "pattern"), r.flags(n));
  if (s.pattern->matches_empty()) {
    r.fail(n["pattern"], "a count pattern must not match the empty string (Python's findall counts empty "
                         "matches in a way RE2 cannot reproduce in linear time)");
  }
  m.type = ValueType::Int;
  m.spec = std::move(s);
}

Value evaluate(const MetricDef& def, int metric, MetricContext& ctx, MetricPosition at) {
  const auto& s = std::get<CountSpec>(def.spec);
  std::size_t& line = at.line;
  if (s.scope == Scope::Body) {
    // A shortcut only: while the pass runs on another thread, count anyway.
    const auto* present = ctx.scopes.body_presence(/*wait=*/false);
    const int slot = present ? ctx.profile.presence->slot(metric, 0) : -1;
    if (slot >= 0 && !(*present)[static_cast<std::size_t>(slot)]) {
      return Value::integer(0);
    }
  }
  const bool locate = ctx.profile.needs_location[static_cast<std::size_t>(metric)];
  std::int64_t n = 0;
  for (const auto& p : ctx.scopes.pieces(s.scope, s.levels)) {
    std::optional<Match> first;
    n += static_cast<std::int64_t>(s.pattern->count(p.text, locate && !line ? &first : nullptr, p.classes));
    if (first && !line) line = ctx.scopes.line_in(p, first->begin);
  }
  return Value::integer(n);
}

}  // namespace

const MetricKindDef k_count_kind = {
    MetricKind::Count, "count", "int: non-overlapping matches of `pattern` in `scope` (Python's len(re.findall))",
    read, evaluate, /*locatable=*/true, /*waits_for_presence=*/nullptr,
};

}  // namespace skillscore::rules
