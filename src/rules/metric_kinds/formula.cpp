// `formula`: any type, an expression over earlier metrics.
#include "metric_kind.hpp"

namespace skillscore::rules {
namespace {

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "expr"});
  FormulaSpec s;
  s.expr = r.expr(r.require(n, "expr"));
  m.type = s.expr->type();
  m.spec = std::move(s);
}

Value evaluate(const MetricDef& def, int, MetricContext& ctx, MetricPosition) {
  return std::get<FormulaSpec>(def.spec).expr->eval(ctx.out.values);
}

// It reads earlier metrics, which may wait for the pass.
bool waits_for_presence(const MetricSpec&) { return true; }

}  // namespace

const MetricKindDef k_formula_kind = {
    MetricKind::Formula, "formula", "any: the value of `expr` over earlier metrics",
    read, evaluate, /*locatable=*/false, waits_for_presence,
};

}  // namespace skillscore::rules
