#pragma once
// The files a skill's body points to, checked against its directory.
#include <cstddef>
#include <string>
#include <vector>

#include "skillscore/doc/document.hpp"
#include "skillscore/rules/profile.hpp"

namespace skillscore::rules {

struct Reference {
  std::string target;  // as written, without #fragment or ?query
  std::size_t line = 0;
};

struct ReferenceReport {
  std::vector<Reference> missing;          // one per missing file: links, then mentions
  std::vector<std::string> unreferenced;   // relative paths, sorted
};

// Relative link targets of the body (AST) and text matching `mention`;
// a target that leaves the skill directory is not checked.
ReferenceReport check_references(const doc::Document& document, const ReferencesSpec& spec);

}  // namespace skillscore::rules
