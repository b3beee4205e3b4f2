#pragma once
// skillscore's own findings about a file, beside the profile's checks.
#include <span>
#include <string_view>

#include "skillscore/rules/kinds.hpp"

namespace skillscore::assess {

enum class Diagnostic {
  FrontmatterYamlError,  // the YAML does not parse: read as {}, as the reference does
  FrontmatterUnusable,   // the reference would crash: read as {}
  UnknownSuppression,    // a skillscore-disable directive names no known rule
};

struct DiagnosticInfo {
  Diagnostic code;
  std::string_view id;
  std::string_view slug;
  rules::Severity severity;
  std::string_view title;
  std::string_view recommendation;
  // SS002 when skillscore's own guard fired (not the reference): the title then.
  std::string_view limit_title = {};
};

std::span<const DiagnosticInfo> diagnostics();
const DiagnosticInfo& diagnostic_info(Diagnostic d);

}  // namespace skillscore::assess
