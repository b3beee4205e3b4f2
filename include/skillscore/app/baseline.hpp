#pragma once
// Reading a previous run's scores (its --format jsonl or json output).
#include <filesystem>
#include <map>
#include <optional>
#include <string>

namespace skillscore::app {

// Score by path; nullopt with `error` when the file cannot be read or parsed.
std::optional<std::map<std::string, double>> load_baseline(const std::filesystem::path& file, std::string& error);

}  // namespace skillscore::app
