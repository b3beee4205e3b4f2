#include "skillscore/app/fix_command.hpp"

#include <spdlog/spdlog.h>
#include <sys/stat.h>

#include <filesystem>

#include "skillscore/app/batch_command.hpp"
#include "skillscore/batch/discover.hpp"
#include "skillscore/doc/document.hpp"
#include "skillscore/fix/diff.hpp"
#include "skillscore/fix/profile_fixes.hpp"
#include "skillscore/util/file_io.hpp"

namespace skillscore::app {
namespace fs = std::filesystem;
namespace {

std::string applied_list(const fix::FixResult& r) {
  std::string s;
  for (const auto& a : r.applied) {
    const auto& info = fix::fix_info(a.kind);
    s += (s.empty() ? "" : ", ") + std::string(info.id) + " " + std::string(info.slug) + " (" + std::to_string(a.count) + ")";
  }
  return s;
}

// Writes over the file a symbolic link points to, keeping its permissions.
std::string write_back(const std::string& path, const std::string& text) {
  std::error_code ec;
  const fs::path target = fs::canonical(path, ec);
  if (ec) return "cannot resolve " + path + ": " + ec.message();
  struct stat st {};
  const bool have_mode = ::stat(target.c_str(), &st) == 0;
  std::string err = util::write_file_atomic(target, text);
  if (err.empty() && have_mode && (st.st_mode & 07777) != 0644) ::chmod(target.c_str(), st.st_mode & 07777);
  return err;
}

}  // namespace

int run_fix_list(std::ostream& out) {
  for (const auto& f : fix::fixes()) {
    std::string rules;
    for (auto r : f.resolves) {
      if (!r.empty()) rules += (rules.empty() ? "" : ", ") + std::string(r);
    }
    out << f.id << " " << f.slug << ": " << f.title << (rules.empty() ? "" : " (resolves " + rules + ")")
        << (f.gated ? "; only for profiles that check it" : "") << "\n    " << f.doc << "\n";
  }
  return k_exit_ok;
}

int run_fix(const FixOptions& o, std::ostream& out) {
  std::vector<fix::FixKind> only;
  for (const auto& name : o.only) {
    const auto kind = fix::fix_from_name(name);
    if (!kind) {
      spdlog::error("--only: unknown fix '{}' (see `skillscore fix --list`)", name);
      return k_exit_error;
    }
    only.push_back(*kind);
  }
  std::string error;
  const auto chosen = choose_profile(o.profile, fs::current_path(), error);
  if (!chosen) {
    spdlog::error("{}", error);
    return k_exit_error;
  }
  const auto kinds = fix::fixes_for_profile(chosen->profile, only);
  bool failed = false;
  std::size_t pending = 0, fixed = 0;
  batch::Discovered found = batch::discover(o.paths);
  for (const auto& p : found.problems) {
    spdlog::error("{}: {}", p.path, p.message);
    failed = true;
  }
  for (const auto& path : found.files) {
    const auto read = util::read_file(path, o.max_file_size);
    if (!read.ok) {
      spdlog::error("{}: {}", path, read.error);
      failed = true;
      continue;
    }
    if (!doc::decode_skill_text(read.data, error)) {
      spdlog::error("{}: {}", path, error);
      failed = true;
      continue;
    }
    const fix::FixResult r = fix::fix_text(read.data, fix::context_for(chosen->profile, path), kinds);
    for (const auto& s : r.skipped) {
      spdlog::warn("{}: {} {}: {}", path, fix::fix_info(s.kind).id, fix::fix_info(s.kind).slug, s.reason);
    }
    if (r.applied.empty()) continue;
    ++pending;
    if (o.diff) {
      const bool relative = !fs::path(path).is_absolute();
      out << fix::unified_diff(read.data, r.text, (relative ? "a/" : "") + path, (relative ? "b/" : "") + path);
      continue;
    }
    if (o.check) {
      out << path << ": would fix " << applied_list(r) << "\n";
      continue;
    }
    const std::string err = write_back(path, r.text);
    if (!err.empty()) {
      spdlog::error("{}: {}", path, err);
      failed = true;
      continue;
    }
    ++fixed;
    out << path << ": fixed " << applied_list(r) << "\n";
  }
  if (found.files.empty() && found.problems.empty()) spdlog::warn("no SKILL.md files found");
  if (!o.diff) {
    out << (o.check ? std::to_string(pending) + " of " : std::to_string(fixed) + " of ") << found.files.size()
        << " file" << (found.files.size() == 1 ? "" : "s") << (o.check ? " would change\n" : " fixed\n");
  }
  out.flush();
  if (failed) return k_exit_error;
  if ((o.diff || o.check) && pending) return k_exit_findings;
  return k_exit_ok;
}

}  // namespace skillscore::app
