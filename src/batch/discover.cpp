#include "skillscore/batch/discover.hpp"

#include <sys/stat.h>

#include <algorithm>
#include <cstring>
#include <set>
#include <system_error>
#include <utility>

namespace skillscore::batch {
namespace fs = std::filesystem;
namespace {

class Walker {
 public:
  Walker(const DiscoveryOptions& options, Discovered& out) : options_(options), out_(out) {}

  void walk(const fs::path& dir) {
    struct stat st {};
    if (::stat(dir.c_str(), &st) != 0) {
      problem(dir, std::string("cannot read directory: ") + std::strerror(errno));
      return;
    }
    const std::pair<dev_t, ino_t> id{st.st_dev, st.st_ino};
    if (std::find(stack_.begin(), stack_.end(), id) != stack_.end()) {
      out_.notes.push_back({display_path(dir), "symlink loop (a link to a directory that contains it), not followed"});
      return;
    }
    // A second link to a directory already walked: its skills are listed once.
    if (!visited_.insert(id).second) return;
    stack_.push_back(id);
    std::error_code ec;
    fs::directory_iterator it(dir, ec);
    if (ec) {
      problem(dir, "cannot read directory: " + ec.message());
      stack_.pop_back();
      return;
    }
    std::vector<fs::path> subdirs;
    std::vector<fs::path> skills;  // SKILL.md and skill.md of this directory
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      if (ec) {
        problem(dir, "cannot read directory: " + ec.message());
        break;
      }
      const fs::path& p = it->path();
      const std::string name = p.filename().string();
      std::error_code sec;
      const bool is_dir = it->is_directory(sec);  // follows symlinks
      if (is_dir) {
        // Listed as a skill file: reading it fails, and that error (naming the
        // path) lands in every report like any unreadable skill.
        if (is_skill_file_name(name)) skills.push_back(p);
        if (std::find(options_.skip_dirs.begin(), options_.skip_dirs.end(), name) == options_.skip_dirs.end()) {
          subdirs.push_back(p);
        }
      } else if (is_skill_file_name(name)) {
        if (sec && it->is_symlink(sec)) problem(p, "broken symlink");
        else skills.push_back(p);
      }
    }
    // With both spellings in one directory, SKILL.md is the skill (as in the
    // agentskills validator); the other would overwrite its assessment.
    std::sort(skills.begin(), skills.end());
    if (!skills.empty()) out_.files.push_back(display_path(skills.front()));
    std::sort(subdirs.begin(), subdirs.end());
    for (const auto& d : subdirs) walk(d);
    stack_.pop_back();
  }

  void problem(const fs::path& p, std::string msg) { out_.problems.push_back({display_path(p), std::move(msg)}); }

 private:
  const DiscoveryOptions& options_;
  Discovered& out_;
  std::set<std::pair<dev_t, ino_t>> visited_;
  std::vector<std::pair<dev_t, ino_t>> stack_;  // the directories being walked, root first
};

}  // namespace

bool is_skill_file_name(const std::string& name) { return name == "SKILL.md" || name == "skill.md"; }

std::string display_path(const fs::path& p) {
  std::error_code ec;
  const fs::path cwd = fs::current_path(ec);
  fs::path shown = p.lexically_normal();
  if (!ec && p.is_absolute()) {
    const fs::path rel = p.lexically_normal().lexically_relative(cwd);
    if (!rel.empty() && *rel.begin() != "..") shown = rel;
  }
  std::string s = shown.string();
  while (s.rfind("./", 0) == 0) s.erase(0, 2);
  return s;
}

Discovered discover(const std::vector<std::string>& paths, const DiscoveryOptions& options) {
  Discovered out;
  Walker walker(options, out);
  for (const auto& raw : paths) {
    const fs::path p(raw);
    std::error_code ec;
    const auto status = fs::status(p, ec);
    if (ec || status.type() == fs::file_type::not_found) {
      out.problems.push_back({raw, ec && status.type() != fs::file_type::not_found
                                       ? "cannot access: " + ec.message()
                                       : "no such file or directory"});
      continue;
    }
    if (fs::is_directory(status)) {
      walker.walk(p);
    } else {
      out.files.push_back(display_path(p));
    }
  }
  std::sort(out.files.begin(), out.files.end());
  out.files.erase(std::unique(out.files.begin(), out.files.end()), out.files.end());
  return out;
}

}  // namespace skillscore::batch
