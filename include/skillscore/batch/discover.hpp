#pragma once
// Finding the SKILL.md files under the paths a user names.
#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

namespace skillscore::batch {

struct DiscoveryOptions {
  // Directory names never entered (VCS metadata and dependency trees).
  std::vector<std::string> skip_dirs{".git", ".hg", ".svn", "node_modules"};
  // Threads walking one directory's subtrees (one path named, a directory);
  // the result is the same as one thread's.
  unsigned jobs = 1;
};

struct Discovered {
  std::vector<std::string> files;  // display paths, sorted, without duplicates
  struct Problem {
    std::string path;
    std::string message;
  };
  std::vector<Problem> problems;  // missing paths, unreadable directories: files may be missed
  std::vector<Problem> notes;     // symlink loops, skipped: nothing is missed
};

// A named file is taken whatever its name; in a directory, every SKILL.md or
// skill.md at any depth. Paths are shown relative to the current directory
// when they are inside it, without a leading "./".
Discovered discover(const std::vector<std::string>& paths, const DiscoveryOptions& options = {});

bool is_skill_file_name(std::string_view name);

// The path shown for `p`: relative to the current directory when inside it.
std::string display_path(const std::filesystem::path& p);
// The same with the current directory given (empty: unknown), for callers
// that show many paths.
std::string display_path(const std::filesystem::path& p, const std::filesystem::path& cwd);

}  // namespace skillscore::batch
