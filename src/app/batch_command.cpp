#include "skillscore/app/batch_command.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>
#include <cstdio>

#include "skillscore/app/baseline.hpp"
#include "skillscore/app/config.hpp"
#include "skillscore/assess/diagnostics.hpp"
#include "skillscore/app/interrupt.hpp"
#include "skillscore/app/overrides.hpp"
#include "skillscore/app/progress.hpp"
#include "skillscore/app/weights_file.hpp"
#include "skillscore/batch/discover.hpp"
#include "skillscore/batch/runner.hpp"
#include "skillscore/report/json_report.hpp"
#include "skillscore/report/summary.hpp"
#include "skillscore/rules/loader.hpp"
#include "skillscore/rules/presence.hpp"
#include "skillscore/util/file_io.hpp"
#include "skillscore/util/glob.hpp"
#include "skillscore/util/writer_pool.hpp"

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

namespace {

// Settings after merging the config file under the command line.
struct Settings {
  rules::Profile profile;
  std::optional<double> min_score, min_mean;
  std::optional<rules::Severity> fail_on;  // nullopt: severities never fail the run
  std::vector<std::string> include, exclude;
  std::string include_source;  // "--include" or the configuration file
};

std::optional<Config> find_and_load_config(const BatchOptions& o) {
  if (o.no_config) return Config{};
  std::optional<fs::path> file;
  if (o.config_file) file = *o.config_file;
  else file = find_config(fs::current_path());
  if (!file) return Config{};
  std::string error;
  auto c = load_config(*file, error);
  if (!c) spdlog::error("{}", error);
  else spdlog::debug("using configuration {}", file->string());
  return c;
}

bool apply_weights_file(rules::Profile& profile, const std::string& file) {
  std::string error;
  const auto table = load_weights_file(file, error);
  if (!table) {
    spdlog::error("{}", error);
    return false;
  }
  if (std::none_of(profile.score.terms.begin(), profile.score.terms.end(),
                   [](const rules::ScoreTerm& t) { return t.fallback.has_value(); })) {
    spdlog::warn("{}: profile {} has no fallback weights: terms the table leaves out keep their own", file, profile.name);
  }
  // Ignored, as the reference ignores them, but a misspelt key is worth a word.
  for (const auto& key : score::apply_weights(profile, *table)) {
    spdlog::warn("{}: '{}' is not a score term of profile {} (ignored)", file, key, profile.name);
  }
  return true;
}

std::optional<Settings> resolve(const BatchOptions& o) {
  const auto config = find_and_load_config(o);
  if (!config) return std::nullopt;
  std::string error;
  std::optional<rules::Profile> profile;
  if (o.rules_file) {
    profile = rules::load_profile_file(*o.rules_file, error);
  } else if (o.profile) {
    profile = rules::load_builtin_profile(*o.profile, error);
  } else if (config->rules) {
    profile = rules::load_profile_file(config->file.parent_path() / *config->rules, error);
  } else {
    profile = rules::load_builtin_profile(config->profile.value_or("skill-fleet-v2"), error);
  }
  if (!profile) {
    spdlog::error("{}", error);
    return std::nullopt;
  }
  Settings s{std::move(*profile), {}, {}, {}, {}, {}};
  if (!apply_overrides(s.profile, config->overrides, config->file.string(), error) ||
      !apply_params(s.profile, config->params, config->file.string(), error)) {
    spdlog::error("{}", error);
    return std::nullopt;
  }
  // After the overrides: with --weights the score is the reference's with that table.
  if (o.weights_file && !apply_weights_file(s.profile, *o.weights_file)) return std::nullopt;
  s.min_score = o.min_score ? o.min_score : config->min_score;
  s.min_mean = o.min_mean ? o.min_mean : config->min_mean;
  // `check` fails on error-severity issues unless told otherwise; `score` never does.
  if (o.fail_on) {
    if (*o.fail_on != "none") s.fail_on = rules::kind_from_name(rules::severities(), *o.fail_on);
  } else if (config->fail_on_none) {
  } else if (config->fail_on) {
    s.fail_on = config->fail_on;
  } else if (o.command == Command::Check) {
    s.fail_on = rules::Severity::Error;
  }
  s.include = o.include.empty() ? config->include : o.include;
  s.include_source = o.include.empty() ? config->file.string() + ": include" : "--include";
  s.exclude = config->exclude;
  s.exclude.insert(s.exclude.end(), o.exclude.begin(), o.exclude.end());
  return s;
}

bool selected(const std::string& path, const Settings& s) {
  if (!s.include.empty() &&
      std::none_of(s.include.begin(), s.include.end(), [&](const std::string& g) { return util::glob_match(g, path); })) {
    return false;
  }
  return std::none_of(s.exclude.begin(), s.exclude.end(), [&](const std::string& g) { return util::glob_match(g, path); });
}

// SARIF's %SRCROOT%: --sarif-root, else the top of the git work tree holding
// the first path scanned (a directory with .git, a directory or a file as in
// worktrees), else the current directory.
std::string source_root(const BatchOptions& o, const fs::path& cwd) {
  if (o.sarif_root) return (cwd / *o.sarif_root).lexically_normal().generic_string();
  std::error_code ec;
  fs::path dir = o.paths.empty() ? cwd : (cwd / o.paths.front()).lexically_normal();
  if (!fs::is_directory(dir, ec)) dir = dir.parent_path();
  for (fs::path d = dir; !d.empty(); d = d.parent_path()) {
    if (fs::exists(d / ".git", ec)) return d.generic_string();
    if (d == d.parent_path()) break;
  }
  return cwd.generic_string();
}

struct Sink {
  std::unique_ptr<report::Reporter> reporter;
  std::optional<std::string> path;  // nullopt: stdout
  std::string buffer;               // file outputs are written whole at the end
};

}  // namespace

int run_batch(const BatchOptions& o, std::ostream& out) {
  auto settings = resolve(o);
  if (!settings) return k_exit_error;
  bool io_failed = false;

  report::GateSettings gates{settings->min_score, settings->min_mean, settings->fail_on, o.fail_on_regression,
                             o.tolerance, o.exit_zero};
  report::SummaryBuilder summary;
  summary.set_gates(gates);
  std::optional<std::map<std::string, double>> baseline;
  if (o.baseline) {
    std::string error;
    baseline = load_baseline(*o.baseline, error);
    if (!baseline) {
      spdlog::error("{}", error);
      return k_exit_error;
    }
    summary.set_baseline(*baseline, o.tolerance);
  }

  const auto discover_start = std::chrono::steady_clock::now();
  batch::Discovered found = batch::discover(o.paths);
  const auto discover_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - discover_start).count();
  for (const auto& p : found.problems) {
    spdlog::error("{}: {}", p.path, p.message);
    io_failed = true;
    summary.add_problem();
  }
  for (const auto& n : found.notes) spdlog::warn("{}: {}", n.path, n.message);
  // An include that selects nothing is a mistake (a typo, a moved tree), not a pass.
  for (const auto& g : settings->include) {
    if (std::none_of(found.files.begin(), found.files.end(), [&](const std::string& f) { return util::glob_match(g, f); })) {
      spdlog::error("{} '{}' matches no skill file", settings->include_source, g);
      io_failed = true;
      summary.add_problem();
    }
  }
  std::erase_if(found.files, [&](const std::string& f) { return !selected(f, *settings); });
  rules::PresenceIndex::prepare(settings->profile, found.files);
  if (found.files.empty() && found.problems.empty()) spdlog::warn("no SKILL.md files found");

  const fs::path cwd = fs::current_path();
  const report::RunContext context{&settings->profile, gates, o.color, baseline, source_root(o, cwd), cwd.generic_string()};
  std::vector<Sink> sinks;
  sinks.push_back({report::make_reporter(o.stdout_format, context), std::nullopt, {}});
  for (const auto& spec : o.outputs) sinks.push_back({report::make_reporter(spec.format, context), spec.path, {}});

  // Assessment files are written by a pool of their own: fsync waits on the disk.
  std::optional<util::WriterPool> writer;
  if (o.command == Command::Score && o.write_files) writer.emplace(8);
  Progress progress(o.progress, found.files.size());
  batch::RunOptions ro;
  ro.jobs = o.jobs;
  ro.max_file_size = o.max_file_size;
  batch::StageTimes times;
  if (o.profile_time) ro.times = &times;
  ro.stop = &interrupt_flag();
  ro.allow_suppressions = o.allow_suppressions;
  for (const auto& c : settings->profile.checks) ro.known_rules.insert({c.id, c.slug});
  for (const auto& d : assess::diagnostics()) ro.known_rules.insert({std::string(d.id), std::string(d.slug)});
  std::uint64_t output_ns = 0;
  std::size_t done = 0;
  const auto run_start = std::chrono::steady_clock::now();
  batch::run(settings->profile, found.files, ro, [&](std::size_t, batch::FileResult&& r) {
    const auto sink_start = std::chrono::steady_clock::now();
    progress.update(++done);
    if (r.error) {
      progress.finish();
      spdlog::error("{}: {}", r.error->path, r.error->message);
      io_failed = true;
      summary.add_error();
      for (auto& s : sinks) s.reporter->add_error(*r.error);
    } else {
      const report::Assessment& a = *r.assessment;
      summary.add(a);
      if (writer) {
        writer->write(assessment_path(a.path, o.output_dir), report::assessment_json(a, 2) + "\n", a.path,
                      o.output_dir ? std::filesystem::path(*o.output_dir) : std::filesystem::path());
      }
      for (auto& s : sinks) s.reporter->add(a);
    }
    for (auto& s : sinks) {
      if (s.path) s.buffer += s.reporter->take_streamed();
      else out << s.reporter->take_streamed();
    }
    output_ns += static_cast<std::uint64_t>(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - sink_start).count());
  });
  progress.finish();
  if (writer) {
    for (const auto& e : writer->finish()) {
      spdlog::error("{}", e);
      io_failed = true;
      summary.add_problem();
    }
  }
  const auto run_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - run_start).count();

  const report::Summary sum = summary.build();
  if (const int sig = interrupted()) {
    // Assessment files already written are complete (each write is atomic);
    // reports of a partial run are not written, so none passes for whole.
    out.flush();
    spdlog::error("interrupted by signal {} after {} of {} files; no report files written", sig, done,
                  found.files.size());
    return k_exit_error;
  }
  for (auto& s : sinks) {
    if (!s.path) {
      out << s.reporter->finish(sum);
      continue;
    }
    s.buffer += s.reporter->finish(sum);
    const std::string err = util::write_file_atomic(*s.path, s.buffer);
    if (!err.empty()) {
      spdlog::error("{}", err);
      io_failed = true;
    }
  }
  out.flush();
  if (o.summary_file) {
    const std::string err = util::write_file_atomic(*o.summary_file, report::summary_json(sum));
    if (!err.empty()) {
      spdlog::error("{}", err);
      io_failed = true;
    }
  }

  if (o.profile_time) {
    auto ms = [](std::uint64_t ns) { return static_cast<double>(ns) / 1e6; };
    std::fprintf(stderr,
                 "profile-time: discovery %.1f ms\n"
                 "profile-time: %zu files, %u jobs, wall %.1f ms (scoring loop)\n"
                 "profile-time: cpu in workers: read %.1f ms, decode %.1f ms, document+yaml %.1f ms, rules %.1f ms\n"
                 "profile-time: output (reports, assessment files; in order, on the thread that finished the file awaited) %.1f ms\n",
                 ms(static_cast<std::uint64_t>(discover_ns)), found.files.size(), o.jobs, ms(static_cast<std::uint64_t>(run_ns)), ms(times.read_ns), ms(times.decode_ns),
                 ms(times.document_ns), ms(times.rules_ns), ms(output_ns));
  }

  // Why the run fails, on stderr. The text report on stdout names each failing
  // skill already (once is enough); with other formats stderr names them.
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
  // A report or summary file that could not be written is an error the reports could not state.
  return io_failed ? k_exit_error : sum.exit_code;
}

}  // namespace skillscore::app
