#pragma once
// Loading and validating rule files. Every mistake in a rule file (unknown
// key, bad regex, unknown metric, type mismatch) is an error naming the file
// and the line.
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/rules/profile.hpp"

namespace skillscore::rules {

std::optional<Profile> load_profile_text(std::string_view content, std::string_view source_name, std::string& error);
std::optional<Profile> load_profile_file(const std::filesystem::path& path, std::string& error);
// A profile compiled into the binary ("skill-fleet-v2").
std::optional<Profile> load_builtin_profile(std::string_view name, std::string& error);
std::vector<std::string> builtin_profile_names();

}  // namespace skillscore::rules
