#include "skillscore/rules/metrics.hpp"

#include "metric_kinds/metric_kind.hpp"

namespace skillscore::rules {

MetricResults evaluate_metrics(const Profile& profile, const doc::Document& document, EvalOptions options) {
  MetricResults out;
  const std::size_t n = profile.metrics.size();
  out.values.resize(n);
  out.first_line.assign(n, 0);
  out.first_column.assign(n, 0);
  MetricContext ctx{profile, document, ScopeTexts(profile, document), out};
  auto evaluate = [&](std::size_t i) {
    const MetricDef& m = profile.metrics[i];
    out.values[i] = metric_kind_def(m.kind).evaluate(m, static_cast<int>(i), ctx,
                                                     MetricPosition{out.first_line[i], out.first_column[i]});
  };
  // Below this the pass takes less than a thread costs to start.
  constexpr std::size_t k_parallel_body_bytes = 64 * 1024;
  if (!options.spare_core || !profile.presence || document.body().size() < k_parallel_body_bytes) {
    for (std::size_t i = 0; i < n; ++i) evaluate(i);
    return out;
  }
  // The pass runs beside the metrics that need no answer from it; then the
  // rest, in order. Metrics read only earlier ones, and every one of those
  // is done by then, so the values are those of the plain order.
  auto waits = [&](std::size_t i) {
    const MetricDef& m = profile.metrics[i];
    const auto w = metric_kind_def(m.kind).waits_for_presence;
    return w && w(m.spec);
  };
  ctx.scopes.start_body_presence();
  for (std::size_t i = 0; i < n; ++i) {
    if (!waits(i)) evaluate(i);
  }
  for (std::size_t i = 0; i < n; ++i) {
    if (waits(i)) evaluate(i);
  }
  return out;
}

}  // namespace skillscore::rules
