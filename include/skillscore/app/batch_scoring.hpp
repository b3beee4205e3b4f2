#pragma once
// The scoring loop of a score/check run: every file scored in parallel and
// handed, in order, to the summary, the reports and (score) the assessment
// files; then where the time went, for --profile-time.
#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "skillscore/app/batch_command.hpp"
#include "skillscore/app/batch_discovery.hpp"
#include "skillscore/app/batch_reports.hpp"
#include "skillscore/batch/runner.hpp"
#include "skillscore/report/summary.hpp"
#include "skillscore/rules/profile.hpp"

namespace skillscore::app {

struct ScoringTimes {
  // cpu in workers (with --profile-time), as batch::StageTimes counted it
  std::uint64_t read_ns = 0, decode_ns = 0, document_ns = 0, rules_ns = 0;
  std::uint64_t render_ns = 0;  // reports and assessment files rendered by the workers
  std::uint64_t output_ns = 0;  // reports and assessment files, in order
  std::int64_t run_ns = 0;      // wall clock of the loop
};

struct ScoringResult {
  std::size_t done = 0;  // files handed on (fewer than all when interrupted)
  ScoringTimes times;
};

// File errors and assessment files that could not be written are logged,
// counted in `summary` and set `failed`.
ScoringResult score_files(const BatchOptions& options, const rules::Profile& profile,
                          const std::vector<std::string>& files, ReportSinks& sinks, report::SummaryBuilder& summary,
                          std::ostream& out, bool& failed);

// --profile-time's lines on stderr.
void print_profile_time(const SkillFiles& files, unsigned jobs, const ScoringTimes& times);

}  // namespace skillscore::app
