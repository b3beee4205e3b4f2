#include "skillscore/app/batch_gates.hpp"

#include <spdlog/spdlog.h>

#include "skillscore/app/baseline.hpp"
#include "skillscore/report/gates.hpp"

namespace skillscore::app {

report::GateSettings gate_settings(const BatchOptions& o, const BatchSettings& s) {
  return {s.min_score, s.min_mean, s.fail_on, o.fail_on_regression, o.tolerance, o.exit_zero};
}

std::optional<std::map<std::string, double>> read_baseline(const BatchOptions& o, report::SummaryBuilder& summary,
                                                           bool& ok) {
  ok = true;
  if (!o.baseline) return std::nullopt;
  std::string error;
  auto baseline = load_baseline(*o.baseline, error);
  if (!baseline) {
    spdlog::error("{}", error);
    ok = false;
    return std::nullopt;
  }
  summary.set_baseline(*baseline, o.tolerance);
  return baseline;
}

void log_gate_failures(const BatchOptions& o, const report::Summary& sum) {
  // The text report on stdout names each failing skill already (once is
  // enough); with other formats stderr names them.
  if (o.stdout_format != report::Format::Text) {
    for (const auto& x : sum.below_min_score) {
      spdlog::error("{}: score {:.3f} is below --min-score {:.3f}", x.path, x.score, *sum.min_score);
    }
    if (o.fail_on_regression) {
      for (const auto& d : sum.deltas) {
        if (d.regression) spdlog::error("{}: score dropped from {:.3f} to {:.3f}", d.path, d.before, d.after);
      }
    }
  }
  for (const auto& g : sum.gates) {
    if (g.failed) spdlog::error("gate {}", report::gate_sentence(g));
  }
  if (sum.verdict == report::Verdict::FailIgnored) spdlog::warn("gates failed; exit 0 because of --exit-zero");
}

}  // namespace skillscore::app
