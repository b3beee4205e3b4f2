// `points`: float, the points of the terms whose condition holds, summed in order.
#include "metric_kind.hpp"

namespace skillscore::rules {
namespace {

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "if", "terms", "cap"});
  PointsSpec s;
  if (n["if"].IsDefined()) s.gate = r.condition(n["if"]);
  const RuleNode& terms = r.require(n, "terms");
  r.expect_seq(terms, "terms");
  for (const auto& t : terms.items()) {
    r.expect_map(t, "a term");
    r.allow_keys(t, {"when", "add"});
    PointsTerm term;
    if (t["when"].IsDefined()) term.when = r.condition(t["when"]);
    term.add = r.number(r.require(t, "add"), "add");
    s.terms.push_back(std::move(term));
  }
  if (n["cap"].IsDefined()) s.cap = r.number(n["cap"], "cap");
  m.type = ValueType::Float;
  m.spec = std::move(s);
}

Value evaluate(const MetricDef& def, int, MetricContext& ctx, MetricPosition) {
  const auto& s = std::get<PointsSpec>(def.spec);
  const auto& values = ctx.out.values;
  if (s.gate && !s.gate->eval(values).b) return Value::real(0.0);
  double sum = 0.0;
  for (const auto& t : s.terms) {
    if (!t.when || t.when->eval(values).b) sum += t.add;
  }
  if (s.cap && *s.cap < sum) sum = *s.cap;
  return Value::real(sum);
}

// It reads earlier metrics, which may wait for the pass.
bool waits_for_presence(const MetricSpec&) { return true; }

}  // namespace

const MetricKindDef k_points_kind = {
    MetricKind::Points, "points", "float: `add` of each term whose `when` holds, summed in order, `cap`ped",
    read, evaluate, /*locatable=*/false, waits_for_presence,
};

}  // namespace skillscore::rules
