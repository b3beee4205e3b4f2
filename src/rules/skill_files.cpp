#include "skill_files.hpp"

#include <algorithm>
#include <filesystem>

#include "skillscore/util/file_io.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::rules {

std::vector<SkillFile> read_skill_files(std::string_view skill_path, std::string_view subdir) {
  namespace fs = std::filesystem;
  constexpr std::uintmax_t k_max_bytes = 1 << 20;
  constexpr std::size_t k_max_files = 256;
  std::vector<SkillFile> out;
  std::error_code ec;
  const fs::path skill_dir = fs::path(std::string(skill_path)).parent_path();
  const fs::path dir = skill_dir / std::string(subdir);
  if (!fs::is_directory(fs::symlink_status(dir, ec))) return out;
  std::vector<fs::path> files;
  for (fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
       !ec && it != end; it.increment(ec)) {
    if (it->is_symlink(ec) || !it->is_regular_file(ec)) continue;
    files.push_back(it->path());
    if (files.size() >= 4 * k_max_files) break;  // a tree that large is not a skill's scripts
  }
  std::sort(files.begin(), files.end());
  for (const auto& f : files) {
    if (out.size() >= k_max_files) break;
    auto r = util::read_file(f, k_max_bytes);
    if (!r.ok || r.data.find('\0') != std::string::npos || util::find_invalid_utf8(r.data)) continue;
    out.push_back({f.lexically_relative(skill_dir).generic_string(), util::normalize_newlines(r.data)});
  }
  return out;
}

}  // namespace skillscore::rules
