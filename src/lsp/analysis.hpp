#pragma once
// What the server says about one open document: its diagnostics (the same
// assessment `skillscore check` makes of the file with its profile and
// configuration), the hover text of each, and the code actions of the fixes.
#include <nlohmann/json.hpp>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/app/profile_choice.hpp"
#include "text_position.hpp"

namespace skillscore::lsp {

struct Range {
  Position start, end;
};

struct Finding {
  Range range;
  std::string hover;  // Markdown: the rule's documentation
};

struct Analysis {
  nlohmann::json diagnostics = nlohmann::json::array();
  std::vector<Finding> findings;  // one per diagnostic, same order
};

// Whether the server assesses a document of this path (SKILL.md, skill.md).
bool is_skill_document(std::string_view path);

Analysis analyze(const std::string& path, std::string_view text, const app::ProfileChoice& choice);

// The code actions for `range` of the document: one per fix that changes
// the text, and one that applies them all. `diagnostics` are the client's
// (the request's context), which a fix names when it resolves their rule.
nlohmann::json code_actions(const std::string& uri, const std::string& path, std::string_view text,
                            const app::ProfileChoice& choice, const nlohmann::json& diagnostics,
                            const nlohmann::json& only);

// The page documenting a rule (the one SARIF's helpUri names).
std::string rule_help_uri(std::string_view rule_id);

}  // namespace skillscore::lsp
