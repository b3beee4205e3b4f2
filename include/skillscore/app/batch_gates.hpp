#pragma once
// The gates of a score/check run: what it enforces (thresholds, severities,
// the baseline to compare with) and, at the end, why it fails, on stderr.
#include <map>
#include <optional>
#include <string>

#include "skillscore/app/batch_command.hpp"
#include "skillscore/app/batch_settings.hpp"
#include "skillscore/report/summary.hpp"

namespace skillscore::app {

report::GateSettings gate_settings(const BatchOptions& options, const BatchSettings& settings);

// The --baseline scores, set on `summary`; nullopt without --baseline, and
// `ok` false once a baseline that cannot be read is logged.
std::optional<std::map<std::string, double>> read_baseline(const BatchOptions& options, report::SummaryBuilder& summary,
                                                           bool& ok);

// The failing skills (unless the text report on stdout names them), the failed
// gates, and --exit-zero's word.
void log_gate_failures(const BatchOptions& options, const report::Summary& summary);

}  // namespace skillscore::app
