// `param`: a number the profile sets and a configuration's `params:` may
// change (app/overrides: apply_params), for budgets that conditions compare with.
#include "metric_kind.hpp"

namespace skillscore::rules {
namespace {

void read(const MetricReader& r, const RuleNode& n, MetricDef& m) {
  r.allow_keys(n, {"name", "kind", "description", "value"});
  ParamSpec s;
  const RuleNode& v = r.require(n, "value");
  const std::string text = r.scalar(v, "value");
  if (text.find_first_of(".eE") == std::string::npos) s.value = Value::integer(r.integer(v, "value"));
  else s.value = Value::real(r.number(v, "value"));
  m.type = s.value.type;
  m.spec = std::move(s);
}

Value evaluate(const MetricDef& def, int, MetricContext&, MetricPosition) { return std::get<ParamSpec>(def.spec).value; }

}  // namespace

const MetricKindDef k_param_kind = {
    MetricKind::Param, "param", "int or float: `value`, which a configuration's `params:` may change (budgets)",
    read, evaluate, /*locatable=*/false, /*waits_for_presence=*/nullptr,
};

}  // namespace skillscore::rules
