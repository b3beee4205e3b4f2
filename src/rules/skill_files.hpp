#pragma once
// The text files of a skill directory's subdirectory (scripts/, references/),
// read for the scopes that scan them.
#include <string>
#include <string_view>
#include <vector>

namespace skillscore::rules {

struct SkillFile {
  std::string name;  // "scripts/install.sh", relative to the skill directory
  std::string text;  // valid UTF-8, newlines normalized
};

// Regular files under <directory of skill_path>/<subdir>, at any depth, in
// path order; symbolic links, files over 1 MiB, files that are not UTF-8 or
// hold NUL bytes (binaries) are left out, and at most 256 are read.
std::vector<SkillFile> read_skill_files(std::string_view skill_path, std::string_view subdir);

}  // namespace skillscore::rules
