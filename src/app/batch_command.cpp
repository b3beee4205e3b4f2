#include "skillscore/app/batch_command.hpp"

#include <spdlog/spdlog.h>

#include "skillscore/app/batch_discovery.hpp"
#include "skillscore/app/batch_gates.hpp"
#include "skillscore/app/batch_reports.hpp"
#include "skillscore/app/batch_scoring.hpp"
#include "skillscore/app/batch_settings.hpp"
#include "skillscore/app/interrupt.hpp"
#include "skillscore/rules/presence.hpp"
#include "skillscore/rules/scope_scan.hpp"

namespace skillscore::app {
namespace fs = std::filesystem;

fs::path assessment_path(const std::string& skill_path, const std::optional<std::string>& output_dir) {
  const fs::path p(skill_path);
  if (!output_dir) return p.parent_path() / "quality_assessment.json";
  fs::path rel;
  for (const auto& part : p.parent_path().lexically_normal()) {
    if (part == ".." || part == "." || part.empty() || part == p.root_path() || part == "/") continue;
    rel /= part;
  }
  return fs::path(*output_dir) / rel / "quality_assessment.json";
}

// Each stage logs its own errors; `io_failed` records those the reports
// cannot state (unreadable paths and files, files not written).
int run_batch(const BatchOptions& o, std::ostream& out) {
  auto settings = resolve_batch_settings(o);
  if (!settings) return k_exit_error;
  bool io_failed = false;

  const report::GateSettings gates = gate_settings(o, *settings);
  report::SummaryBuilder summary;
  summary.set_gates(gates);
  bool baseline_ok = true;
  const auto baseline = read_baseline(o, summary, baseline_ok);
  if (!baseline_ok) return k_exit_error;

  const SkillFiles found = find_skill_files(o, *settings, summary, io_failed);
  rules::PresenceIndex::prepare(settings->profile, found.files);
  // Found again from the embedded databases in microseconds; a profile
  // without them scans nothing and searches each pattern.
  settings->profile.scope_scan = rules::ScopeScan::build(settings->profile);

  const fs::path cwd = fs::current_path();
  const report::RunContext context{&settings->profile, gates, o.color, baseline, source_root(o, cwd), cwd.generic_string()};
  ReportSinks sinks(o, context);
  const ScoringResult scored = score_files(o, settings->profile, found.files, sinks, summary, out, io_failed);

  const report::Summary sum = summary.build();
  if (const int sig = interrupted()) {
    // Assessment files already written are complete (each write is atomic);
    // reports of a partial run are not written, so none passes for whole.
    out.flush();
    spdlog::error("interrupted by signal {} after {} of {} files; no report files written", sig, scored.done,
                  found.files.size());
    return k_exit_error;
  }
  if (!sinks.finish(sum, out, o.summary_file)) io_failed = true;
  if (o.profile_time) print_profile_time(found, o.jobs, scored.times);
  log_gate_failures(o, sum);
  // A report or summary file that could not be written is an error the reports could not state.
  return io_failed ? k_exit_error : sum.exit_code;
}

}  // namespace skillscore::app
