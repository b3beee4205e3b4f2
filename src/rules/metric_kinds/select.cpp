// `select`: string, the value of the first case whose condition holds.
#include "metric_kind.hpp"

namespace skillscore::rules {
namespace {

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "cases", "otherwise"});
  SelectSpec s;
  const RuleNode& cases = r.require(n, "cases");
  r.expect_seq(cases, "cases");
  for (const auto& c : cases.items()) {
    r.expect_map(c, "a case");
    r.allow_keys(c, {"when", "value"});
    s.cases.push_back({r.condition(r.require(c, "when")), r.scalar(r.require(c, "value"), "value")});
  }
  s.otherwise = r.scalar(r.require(n, "otherwise"), "otherwise");
  m.type = ValueType::String;
  m.spec = std::move(s);
}

Value evaluate(const MetricDef& def, int, MetricContext& ctx, MetricPosition) {
  const auto& s = std::get<SelectSpec>(def.spec);
  for (const auto& c : s.cases) {
    if (c.when.eval(ctx.out.values).b) return Value::string(c.value);
  }
  return Value::string(s.otherwise);
}

// It reads earlier metrics, which may wait for the pass.
bool waits_for_presence(const MetricSpec&) { return true; }

}  // namespace

const MetricKindDef k_select_kind = {
    MetricKind::Select, "select", "string: `value` of the first case whose `when` holds, else `otherwise`",
    read, evaluate, /*locatable=*/false, waits_for_presence,
};

}  // namespace skillscore::rules
