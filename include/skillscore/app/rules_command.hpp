#pragma once
// `skillscore rules` and `skillscore explain`: the rules of a profile, read
// from the rule file itself, so the documentation cannot drift from the code.
#include <optional>
#include <ostream>
#include <string>

#include "skillscore/app/choices.hpp"

namespace skillscore::app {

struct RulesOptions {
  std::string profile = "skill-fleet-v2";
  std::optional<std::string> rules_file;
  ListingFormat format = ListingFormat::Text;
  bool profile_given = false;   // explain: false lets it look in the other built-in profiles
};

// Lists id, slug, severity, weight and title of every rule.
int run_rules(const RulesOptions& options, std::ostream& out);
// Prints one rule's documentation: what it checks, why, its messages.
int run_explain(const RulesOptions& options, const std::string& id, std::ostream& out);

}  // namespace skillscore::app
