#include "skillscore/app/batch_reports.hpp"

#include <spdlog/spdlog.h>

#include <filesystem>

#include "skillscore/report/summary.hpp"
#include "skillscore/util/file_io.hpp"

namespace skillscore::app {
namespace fs = std::filesystem;

ReportSinks::ReportSinks(const BatchOptions& o, const report::RunContext& context) {
  sinks_.push_back({report::make_reporter(o.stdout_format, context), std::nullopt});
  for (const auto& spec : o.outputs) sinks_.push_back({report::make_reporter(spec.format, context), spec.path});
}

void ReportSinks::add(const report::Assessment& a) {
  for (auto& s : sinks_) s.reporter->add(a);
}

std::vector<std::optional<std::string>> ReportSinks::render(const report::Assessment& a) const {
  std::vector<std::optional<std::string>> rendered;
  rendered.reserve(sinks_.size());
  for (const auto& s : sinks_) rendered.push_back(s.reporter->render(a));
  return rendered;
}

void ReportSinks::add(const report::Assessment& a, std::vector<std::optional<std::string>>&& rendered) {
  for (std::size_t i = 0; i < sinks_.size(); ++i) {
    if (i < rendered.size() && rendered[i]) sinks_[i].reporter->add_rendered(a, std::move(*rendered[i]));
    else sinks_[i].reporter->add(a);
  }
}

void ReportSinks::add_error(const report::FileError& e) {
  for (auto& s : sinks_) s.reporter->add_error(e);
}

void ReportSinks::stream(std::ostream& out) {
  for (auto& s : sinks_) {
    if (!s.path) s.reporter->stream_to(out);
  }
}

bool ReportSinks::finish(const report::Summary& sum, std::ostream& out, const std::optional<std::string>& summary_file) {
  bool ok = true;
  for (auto& s : sinks_) {
    if (!s.path) {
      out << s.reporter->finish(sum);
      continue;
    }
    const std::string err = util::write_file_atomic(*s.path, s.reporter->finish(sum));
    if (!err.empty()) {
      spdlog::error("{}", err);
      ok = false;
    }
  }
  out.flush();
  if (summary_file) {
    const std::string err = util::write_file_atomic(*summary_file, report::summary_json(sum));
    if (!err.empty()) {
      spdlog::error("{}", err);
      ok = false;
    }
  }
  return ok;
}

// A directory with .git, a directory or a file as in worktrees.
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

}  // namespace skillscore::app
