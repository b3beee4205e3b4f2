#include "skillscore/app/batch_settings.hpp"

#include <spdlog/spdlog.h>

#include <algorithm>
#include <filesystem>

#include "skillscore/app/overrides.hpp"
#include "skillscore/app/profile_choice.hpp"
#include "skillscore/app/weights_file.hpp"
#include "skillscore/score/weights.hpp"

namespace skillscore::app {
namespace fs = std::filesystem;

namespace {

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
  const ProfileChoice choice{o.profile, o.rules_file, o.config_file, o.no_config};
  std::string error;
  const auto config = chosen_config(choice, fs::current_path(), error);
  if (!config) {
    spdlog::error("{}", error);
    return std::nullopt;
  }
  if (!config->file.empty()) spdlog::debug("using configuration {}", config->file.string());
  auto profile = chosen_profile(choice, *config, error);
  if (!profile || !apply_params(*profile, config->params, config->file.string(), error)) {
    spdlog::error("{}", error);
    return std::nullopt;
  }
  BatchSettings s{std::move(*profile), {}, {}, {}, {}, {}, {}};
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
