#include "skillscore/app/batch_settings.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>

#include "skillscore/app/config.hpp"
#include "skillscore/app/overrides.hpp"
#include "skillscore/app/weights_file.hpp"
#include "skillscore/rules/loader.hpp"
#include "skillscore/score/weights.hpp"

namespace skillscore::app {
namespace fs = std::filesystem;

namespace {

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

}  // namespace

std::optional<BatchSettings> resolve_batch_settings(const BatchOptions& o) {
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
  BatchSettings s{std::move(*profile), {}, {}, {}, {}, {}, {}};
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
  if (const auto f = o.fail_on ? o.fail_on : config->fail_on) {
    s.fail_on = fail_on_severity(*f);
  } else if (o.command == Command::Check) {
    s.fail_on = rules::Severity::Error;
  }
  s.include = o.include.empty() ? config->include : o.include;
  s.include_source = o.include.empty() ? config->file.string() + ": include" : "--include";
  s.exclude = config->exclude;
  s.exclude.insert(s.exclude.end(), o.exclude.begin(), o.exclude.end());
  return s;
}

}  // namespace skillscore::app
