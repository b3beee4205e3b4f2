#include "skillscore/app/batch_discovery.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <chrono>

#include "skillscore/batch/discover.hpp"
#include "skillscore/util/glob.hpp"

namespace skillscore::app {

namespace {

bool selected(const std::string& path, const BatchSettings& s) {
  if (!s.include.empty() &&
      std::none_of(s.include.begin(), s.include.end(), [&](const std::string& g) { return util::glob_match(g, path); })) {
    return false;
  }
  return std::none_of(s.exclude.begin(), s.exclude.end(), [&](const std::string& g) { return util::glob_match(g, path); });
}

}  // namespace

SkillFiles find_skill_files(const BatchOptions& o, const BatchSettings& settings, report::SummaryBuilder& summary,
                            bool& failed) {
  const auto discover_start = std::chrono::steady_clock::now();
  batch::DiscoveryOptions options;
  options.jobs = o.jobs;
  batch::Discovered found = batch::discover(o.paths, options);
  const auto discover_ns = std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - discover_start).count();
  for (const auto& p : found.problems) {
    spdlog::error("{}: {}", p.path, p.message);
    failed = true;
    summary.add_problem();
  }
  for (const auto& n : found.notes) spdlog::warn("{}: {}", n.path, n.message);
  // An include that selects nothing is a mistake (a typo, a moved tree), not a pass.
  for (const auto& g : settings.include) {
    if (std::none_of(found.files.begin(), found.files.end(), [&](const std::string& f) { return util::glob_match(g, f); })) {
      spdlog::error("{} '{}' matches no skill file", settings.include_source, g);
      failed = true;
      summary.add_problem();
    }
  }
  std::erase_if(found.files, [&](const std::string& f) { return !selected(f, settings); });
  if (found.files.empty() && found.problems.empty()) spdlog::warn("no SKILL.md files found");
  return {std::move(found.files), discover_ns};
}

}  // namespace skillscore::app
