#include "skillscore/app/profile_choice.hpp"

#include "skillscore/app/overrides.hpp"
#include "skillscore/rules/loader.hpp"

namespace skillscore::app {

std::optional<Config> chosen_config(const ProfileChoice& c, const std::filesystem::path& search_from,
                                    std::string& error) {
  if (c.no_config) return Config{};
  std::optional<std::filesystem::path> file;
  if (c.config_file) file = *c.config_file;
  else file = find_config(search_from);
  if (!file) return Config{};
  return load_config(*file, error);
}

std::optional<rules::Profile> chosen_profile(const ProfileChoice& c, const Config& config, std::string& error) {
  std::optional<rules::Profile> profile;
  if (c.rules_file) profile = rules::load_profile_file(*c.rules_file, error);
  else if (c.profile) profile = rules::load_builtin_profile(*c.profile, error);
  else if (config.rules) profile = rules::load_profile_file(config.file.parent_path() / *config.rules, error);
  else profile = rules::load_builtin_profile(config.profile.value_or("skill-fleet-v2"), error);
  if (!profile) return std::nullopt;
  if (!apply_overrides(*profile, config.overrides, config.file.string(), error)) return std::nullopt;
  return profile;
}

std::optional<ChosenProfile> choose_profile(const ProfileChoice& c, const std::filesystem::path& search_from,
                                            std::string& error) {
  auto config = chosen_config(c, search_from, error);
  if (!config) return std::nullopt;
  auto profile = chosen_profile(c, *config, error);
  if (!profile) return std::nullopt;
  return ChosenProfile{std::move(*profile), std::move(*config)};
}

}  // namespace skillscore::app
