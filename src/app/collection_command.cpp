#include "skillscore/app/collection_command.hpp"

#include <spdlog/spdlog.h>

#include "skillscore/app/batch_command.hpp"
#include "skillscore/batch/discover.hpp"
#include "skillscore/doc/document.hpp"
#include "skillscore/report/collection.hpp"
#include "skillscore/util/file_io.hpp"

namespace skillscore::app {

int run_collection(const CollectionOptions& options, std::ostream& out) {
  const auto host = report::host_from_name(options.host);
  if (!host) {
    std::string names;
    for (const auto& h : report::hosts()) names += (names.empty() ? "" : ", ") + std::string(h.name);
    spdlog::error("--host: unknown host '{}' (one of: {})", options.host, names);
    return k_exit_error;
  }
  int rc = k_exit_ok;
  const auto found = batch::discover(options.paths);
  for (const auto& p : found.problems) {
    spdlog::error("{}: {}", p.path, p.message);
    rc = k_exit_error;
  }
  std::vector<report::CollectionSkill> skills;
  for (const auto& path : found.files) {
    auto r = util::read_file(path, 16 * 1024 * 1024);
    std::string error;
    auto text = r.ok ? doc::decode_skill_text(r.data, error) : std::nullopt;
    if (!text) {
      spdlog::error("{}: {}", path, r.ok ? error : r.error);
      rc = k_exit_error;
      continue;
    }
    // What a host reads: the frontmatter as YAML (PyYAML's reading, the lenient one).
    doc::Document d(path, std::move(*text), doc::FrontmatterMode::ReferenceSplit);
    const auto& fm = d.frontmatter().data;
    report::CollectionSkill s{path, {}, {}};
    if (const auto* e = fm.entry("name")) s.name = doc::py_str(e->second);
    if (const auto* e = fm.entry("description")) s.description = doc::py_str(e->second);
    skills.push_back(std::move(s));
  }
  const auto report = report::check_collection(std::move(skills), *host, options.threshold);
  out << (options.format == ListingFormat::Json ? report::collection_json(report) : report::collection_text(report));
  if (rc != k_exit_ok) return rc;
  return report.failed() ? k_exit_findings : k_exit_ok;
}

}  // namespace skillscore::app
