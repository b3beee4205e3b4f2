#include "skillscore/app/batch_scoring.hpp"

#include <spdlog/spdlog.h>

#include <any>
#include <atomic>
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

// What a worker renders of a scored file for the sink (RunOptions::prepare).
struct Rendered {
  std::vector<std::optional<std::string>> reports;  // ReportSinks::render
  std::optional<std::string> assessment_file;       // score's quality_assessment.json
};

std::string assessment_file_json(const report::Assessment& a) {
  std::string json;
  report::append_assessment_json(json, a, 2);
  json += '\n';
  return json;
}

std::uint64_t elapsed_ns(std::chrono::steady_clock::time_point since) {
  return static_cast<std::uint64_t>(
      std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - since).count());
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
  batch::RunOptions ro = run_options(o, profile, stages);
  // The workers render what depends on one file alone; the sink appends.
  std::atomic<std::uint64_t> render_ns{0};
  ro.prepare = [&](const report::Assessment& a) {
    const auto start = std::chrono::steady_clock::now();
    Rendered r{sinks.render(a), std::nullopt};
    if (writer) r.assessment_file = assessment_file_json(a);
    if (o.profile_time) render_ns += elapsed_ns(start);
    return std::any(std::move(r));
  };
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
      Rendered* rendered = std::any_cast<Rendered>(&r.prepared);
      summary.add(a);
      if (writer) {
        std::string json = rendered && rendered->assessment_file ? std::move(*rendered->assessment_file)
                                                                  : assessment_file_json(a);
        writer->write(assessment_path(a.path, o.output_dir), std::move(json), a.path,
                      o.output_dir ? std::filesystem::path(*o.output_dir) : std::filesystem::path());
      }
      if (rendered) sinks.add(a, std::move(rendered->reports));
      else sinks.add(a);
    }
    sinks.stream(out);
    result.times.output_ns += elapsed_ns(sink_start);
  });
  result.times.render_ns = render_ns;
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
               "profile-time: output rendered by the workers (reports, assessment files; any order) %.1f ms\n"
               "profile-time: output (reports, assessment files; in order, on the thread that finished the file awaited) %.1f ms\n",
               ms(static_cast<std::uint64_t>(found.discover_ns)), found.files.size(), jobs,
               ms(static_cast<std::uint64_t>(t.run_ns)), ms(t.read_ns), ms(t.decode_ns), ms(t.document_ns),
               ms(t.rules_ns), ms(t.render_ns), ms(t.output_ns));
}

}  // namespace skillscore::app
