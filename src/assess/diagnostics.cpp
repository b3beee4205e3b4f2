#include "skillscore/assess/diagnostics.hpp"

namespace skillscore::assess {
namespace {

constexpr DiagnosticInfo k_diagnostics[] = {
    {Diagnostic::FrontmatterYamlError, "SS001", "frontmatter-yaml-error", rules::Severity::Error,
     "Frontmatter is not valid YAML; it is read as empty, as the reference does",
     "Fix the YAML syntax of the frontmatter (quote values that contain ': ' or start with a special character)."},
    {Diagnostic::FrontmatterUnusable, "SS002", "frontmatter-unusable", rules::Severity::Error,
     "Frontmatter cannot be used; it is read as empty (the reference fails on this input)",
     "Make the frontmatter a mapping of keys to values with valid dates and numbers.",
     "Frontmatter is beyond skillscore's limits; it is read as empty (PyYAML may load it)"},
    {Diagnostic::UnknownSuppression, "SS003", "unknown-suppression", rules::Severity::Warning,
     "A skillscore-disable directive names an unknown rule",
     "Name rules by id or slug as `skillscore rules` lists them, or leave the list empty for all rules."},
};

}  // namespace

std::span<const DiagnosticInfo> diagnostics() { return k_diagnostics; }

const DiagnosticInfo& diagnostic_info(Diagnostic d) {
  for (const auto& i : k_diagnostics) {
    if (i.code == d) return i;
  }
  return k_diagnostics[0];
}

}  // namespace skillscore::assess
