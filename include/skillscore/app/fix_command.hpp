#pragma once
// `skillscore fix`: the safe fixes of src/fix/ over every skill file found,
// written atomically, or shown as a unified diff (--diff) or only counted
// (--check). Exit 0: nothing to fix, or fixed; 1: --diff/--check and fixes
// are pending; 2: an error (bad option, unreadable file, failed write).
#include <cstdint>
#include <ostream>
#include <string>
#include <vector>

#include "skillscore/app/profile_choice.hpp"

namespace skillscore::app {

struct FixOptions {
  std::vector<std::string> paths;
  bool diff = false;   // print a unified diff, write nothing
  bool check = false;  // say which files would change, write nothing
  ProfileChoice profile;
  std::vector<std::string> only;  // fix ids or slugs; empty: the profile's fixes
  std::uintmax_t max_file_size = 10u << 20;
};

int run_fix(const FixOptions& options, std::ostream& out);

// `skillscore fix --list`: every fix with its id, the rules it resolves and its doc.
int run_fix_list(std::ostream& out);

}  // namespace skillscore::app
