#pragma once
// Which profile a command uses for a place: --rules, --profile, else the
// nearest .skillscore.yaml's `rules` or `profile`, else skill-fleet-v2; with
// the configuration's rule overrides applied. `fix` and `lsp` share it.
#include <filesystem>
#include <optional>
#include <string>

#include "skillscore/app/config.hpp"
#include "skillscore/rules/profile.hpp"

namespace skillscore::app {

struct ProfileChoice {
  std::optional<std::string> profile;
  std::optional<std::string> rules_file;
  std::optional<std::string> config_file;  // else the nearest .skillscore.yaml from `search_from`
  bool no_config = false;
};

struct ChosenProfile {
  rules::Profile profile;
  Config config;  // file empty when none was used
};

// The configuration the choice names: --config, else the nearest from
// `search_from`; an empty Config with --no-config or when there is none.
// nullopt with `error` naming the file and the cause.
std::optional<Config> chosen_config(const ProfileChoice& choice, const std::filesystem::path& search_from,
                                    std::string& error);

// --rules, --profile, else the configuration's `rules` or `profile`, else
// skill-fleet-v2; with the configuration's rule overrides applied.
std::optional<rules::Profile> chosen_profile(const ProfileChoice& choice, const Config& config, std::string& error);

// Both. nullopt with `error` naming the file and the cause.
std::optional<ChosenProfile> choose_profile(const ProfileChoice& choice, const std::filesystem::path& search_from,
                                            std::string& error);

}  // namespace skillscore::app
