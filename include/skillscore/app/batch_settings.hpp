#pragma once
// The settings of one score/check run: the command line over the
// configuration file (profile, overrides, params, --weights, gates, globs).
#include <optional>
#include <string>
#include <vector>

#include "skillscore/app/batch_command.hpp"
#include "skillscore/rules/kinds.hpp"
#include "skillscore/rules/profile.hpp"

namespace skillscore::app {

struct BatchSettings {
  rules::Profile profile;
  std::optional<double> min_score, min_mean;
  std::optional<rules::Severity> fail_on;  // nullopt: severities never fail the run
  std::vector<std::string> include, exclude;
  std::string include_source;  // "--include" or the configuration file
};

// nullopt once the cause is logged (a bad configuration, rule or weights file).
std::optional<BatchSettings> resolve_batch_settings(const BatchOptions& options);

}  // namespace skillscore::app
