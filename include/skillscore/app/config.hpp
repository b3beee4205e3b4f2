#pragma once
// .skillscore.yaml: project settings, found by walking up from the current
// directory. Command-line flags win over it. Unknown keys are errors naming
// the file and the line. Schema: schema/skillscore-config.schema.json.
#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "skillscore/app/choices.hpp"
#include "skillscore/rules/kinds.hpp"

namespace skillscore::app {

struct RuleOverride {
  std::optional<bool> enabled;
  std::optional<rules::Severity> severity;
  std::optional<double> weight;
  std::size_t line = 0;  // where it was written, for errors
};

struct Config {
  std::filesystem::path file;  // empty when no config was used
  std::optional<std::string> profile;
  std::optional<std::string> rules;  // a rule file, relative to the config file
  std::optional<double> min_score;
  std::optional<double> min_mean;
  std::optional<FailOn> fail_on;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::map<std::string, RuleOverride> overrides;  // by rule id or slug
  // New values of the profile's `param` metrics (budgets), by name, with their line.
  std::map<std::string, std::pair<double, std::size_t>> params;
};

inline constexpr const char* k_config_file_name = ".skillscore.yaml";

// The nearest .skillscore.yaml from `start` upwards, if any.
std::optional<std::filesystem::path> find_config(const std::filesystem::path& start);

// Loads a config file; nullopt with `error` ("FILE:LINE: cause") when invalid.
std::optional<Config> load_config(const std::filesystem::path& file, std::string& error);

}  // namespace skillscore::app
