#include "skillscore/fix/profile_fixes.hpp"

#include <algorithm>
#include <filesystem>

#include "skillscore/rules/loader.hpp"

namespace skillscore::fix {
namespace {

std::vector<std::string> allowed_fields_of(const rules::Profile& p) {
  for (const auto& m : p.metrics) {
    const auto* f = std::get_if<rules::FieldSpec>(&m.spec);
    if (f && f->test == rules::FieldTest::UnexpectedKeys) return f->values;
  }
  return {};
}

}  // namespace

std::vector<FixKind> fixes_for_profile(const rules::Profile& profile, std::span<const FixKind> only) {
  std::vector<FixKind> out;
  for (const auto& f : fixes()) {
    if (!only.empty()) {
      if (std::find(only.begin(), only.end(), f.kind) != only.end()) out.push_back(f.kind);
      continue;
    }
    const bool checked = std::any_of(profile.checks.begin(), profile.checks.end(), [&](const rules::Check& c) {
      return c.enabled && std::find(f.resolves.begin(), f.resolves.end(), c.id) != f.resolves.end();
    });
    if (!f.gated || checked) out.push_back(f.kind);
  }
  return out;
}

FixContext context_for(const rules::Profile& profile, const std::string& path) {
  FixContext c;
  const std::filesystem::path p(path);
  const auto name = p.filename().string();
  if (name == "SKILL.md" || name == "skill.md") {
    std::error_code ec;
    const auto abs = std::filesystem::absolute(p, ec).lexically_normal();
    if (!ec) c.dir_name = abs.parent_path().filename().string();
  }
  c.allowed_fields = allowed_fields_of(profile);
  if (c.allowed_fields.empty()) {
    // Loaded once: a batch asks for every file.
    static const std::vector<std::string> spec_fields = [] {
      std::string error;
      const auto spec = rules::load_builtin_profile("agentskills", error);
      return spec ? allowed_fields_of(*spec) : std::vector<std::string>{};
    }();
    c.allowed_fields = spec_fields;
  }
  return c;
}

}  // namespace skillscore::fix
