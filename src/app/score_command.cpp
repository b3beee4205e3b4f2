#include "skillscore/app/score_command.hpp"

#include <spdlog/spdlog.h>

#include <numeric>

#include "skillscore/batch/discover.hpp"
#include "skillscore/batch/runner.hpp"
#include "skillscore/report/json_report.hpp"
#include "skillscore/report/text_report.hpp"
#include "skillscore/rules/loader.hpp"
#include "skillscore/util/file_io.hpp"

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

std::optional<rules::Profile> load_profile(const ScoreOptions& o) {
  std::string error;
  auto profile = o.rules_file ? rules::load_profile_file(*o.rules_file, error) : rules::load_builtin_profile(o.profile, error);
  if (!profile) spdlog::error("{}", error);
  return profile;
}

bool write_assessment_file(const report::Assessment& a, const ScoreOptions& o) {
  const fs::path target = assessment_path(a.path, o.output_dir);
  std::error_code ec;
  if (o.output_dir) fs::create_directories(target.parent_path(), ec);
  if (ec) {
    spdlog::error("{}: cannot create {}: {}", a.path, target.parent_path().string(), ec.message());
    return false;
  }
  const std::string err = util::write_file_atomic(target, report::assessment_json(a, 2) + "\n");
  if (!err.empty()) {
    spdlog::error("{}: {}", a.path, err);
    return false;
  }
  return true;
}

}  // namespace

int run_score(const ScoreOptions& o, std::ostream& out) {
  const auto profile = load_profile(o);
  if (!profile) return k_exit_error;
  const batch::Discovered found = batch::discover(o.paths);
  bool failed = false;
  for (const auto& p : found.problems) {
    spdlog::error("{}: {}", p.path, p.message);
    failed = true;
  }
  if (found.files.empty() && found.problems.empty()) spdlog::warn("no SKILL.md files found");

  const report::TextStyle style{o.color};
  std::vector<report::Assessment> kept;  // only for --format json, which is one document
  std::vector<report::FileError> kept_errors;
  double score_sum = 0.0;
  std::size_t scored = 0, errors = 0;
  batch::RunOptions ro;
  ro.jobs = o.jobs;
  ro.max_file_size = o.max_file_size;
  batch::run(*profile, found.files, ro, [&](std::size_t, batch::FileResult&& r) {
    if (r.error) {
      spdlog::error("{}: {}", r.error->path, r.error->message);
      failed = true;
      ++errors;
      if (o.format == OutputFormat::Jsonl) out << report::file_error_json(*r.error) << '\n';
      else if (o.format == OutputFormat::Text) out << report::text_file_error(*r.error, style);
      else kept_errors.push_back(std::move(*r.error));
      return;
    }
    const report::Assessment& a = *r.assessment;
    ++scored;
    score_sum += a.score.score;
    if (o.write_files && !write_assessment_file(a, o)) failed = true;
    if (o.format == OutputFormat::Jsonl) out << report::assessment_json(a, 0) << '\n';
    else if (o.format == OutputFormat::Text) out << report::text_assessment(a, style);
    else kept.push_back(std::move(*r.assessment));
  });
  if (o.format == OutputFormat::Json) {
    std::vector<const report::Assessment*> as;
    for (const auto& a : kept) as.push_back(&a);
    std::vector<const report::FileError*> es;
    for (const auto& e : kept_errors) es.push_back(&e);
    out << report::batch_json(as, es, profile->name);
  } else if (o.format == OutputFormat::Text && (scored + errors) > 1) {
    out << report::text_totals(scored, errors, scored ? score_sum / static_cast<double>(scored) : 0.0, style);
  }
  out.flush();
  return failed ? k_exit_error : k_exit_ok;
}

}  // namespace skillscore::app
