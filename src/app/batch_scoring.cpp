#include "skillscore/app/batch_scoring.hpp"

#include <spdlog/spdlog.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <optional>

#include "skillscore/app/interrupt.hpp"
#include "skillscore/app/progress.hpp"
#include "skillscore/assess/diagnostics.hpp"
#include "skillscore/report/json_report.hpp"
#include "skillscore/util/writer_pool.hpp"

namespace skillscore::app {

namespace {

batch::RunOptions run_options(const BatchOptions& o, const rules::Profile& profile, batch::StageTimes& times) {
  batch::RunOptions ro;
  ro.jobs = o.jobs;
  ro.max_file_size = o.max_file_size;
  if (o.profile_time) ro.times = &times;
  ro.stop = &interrupt_flag();
  ro.allow_suppressions = o.allow_suppressions;
  for (const auto& c : profile.checks) ro.known_rules.insert({c.id, c.slug});
  for (const auto& d : assess::diagnostics()) ro.known_rules.insert({std::string(d.id), std::string(d.slug)});
  return ro;
}

}  // namespace

ScoringResult score_files(const BatchOptions& o, const rules::Profile& profile, const std::vector<std::string>& files,
                          ReportSinks& sinks, report::SummaryBuilder& summary, std::ostream& out, bool& failed) {
  // Assessment files are written by a pool of their own: fsync waits on the disk.
  std::optional<util::WriterPool> writer;
  if (o.command == Command::Score && o.write_files) writer.emplace(8);
  Progress progress(o.progress, files.size());
  ScoringResult result;
  batch::StageTimes stages;
  const batch::RunOptions ro = run_options(o, profile, stages);
  const auto run_start = std::chrono::steady_clock::now();
  batch::run(profile, files, ro, [&](std::size_t, batch::FileResult&& r) {
    const auto sink_start = std::chrono::steady_clock::now();
    progress.update(++result.done);
    if (r.error) {
      progress.finish();
      spdlog::error("{}: {}", r.error->path, r.error->message);
      failed = true;
      summary.add_error();
      sinks.add_error(*r.error);
    } else {
      const report::Assessment& a = *r.assessment;
      summary.add(a);
      if (writer) {
        writer->write(assessment_path(a.path, o.output_dir), report::assessment_json(a, 2) + "\n", a.path,
                      o.output_dir ? std::filesystem::path(*o.output_dir) : std::filesystem::path());
      }
      sinks.add(a);
    }
    sinks.stream(out);
    result.times.output_ns += static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - sink_start).count());
  });
  progress.finish();
  if (writer) {
    for (const auto& e : writer->finish()) {
      spdlog::error("{}", e);
      failed = true;
      summary.add_problem();
    }
  }
  result.times.read_ns = stages.read_ns;
  result.times.decode_ns = stages.decode_ns;
  result.times.document_ns = stages.document_ns;
  result.times.rules_ns = stages.rules_ns;
  result.times.run_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - run_start).count();
  return result;
}

void print_profile_time(const SkillFiles& found, unsigned jobs, const ScoringTimes& t) {
  auto ms = [](std::uint64_t ns) { return static_cast<double>(ns) / 1e6; };
  std::fprintf(stderr,
               "profile-time: discovery %.1f ms\n"
               "profile-time: %zu files, %u jobs, wall %.1f ms (scoring loop)\n"
               "profile-time: cpu in workers: read %.1f ms, decode %.1f ms, document+yaml %.1f ms, rules %.1f ms\n"
               "profile-time: output (reports, assessment files; in order, on the thread that finished the file awaited) %.1f ms\n",
               ms(static_cast<std::uint64_t>(found.discover_ns)), found.files.size(), jobs,
               ms(static_cast<std::uint64_t>(t.run_ns)), ms(t.read_ns), ms(t.decode_ns), ms(t.document_ns),
               ms(t.rules_ns), ms(t.output_ns));
}

}  // namespace skillscore::app
