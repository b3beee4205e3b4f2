#pragma once
// The skill files of a score/check run: discovered under the paths given,
// then narrowed by the include and exclude globs.
#include <cstdint>
#include <string>
#include <vector>

#include "skillscore/app/batch_command.hpp"
#include "skillscore/app/batch_settings.hpp"
#include "skillscore/report/summary.hpp"

namespace skillscore::app {

struct SkillFiles {
  std::vector<std::string> files;  // in output order
  std::int64_t discover_ns = 0;    // for --profile-time
};

// Problems (unreadable paths, an include that selects nothing) are logged,
// counted in `summary` and set `failed`; notes are logged as warnings.
SkillFiles find_skill_files(const BatchOptions& options, const BatchSettings& settings,
                            report::SummaryBuilder& summary, bool& failed);

}  // namespace skillscore::app
