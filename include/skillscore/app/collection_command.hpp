#pragma once
// `skillscore collection`: the collection checks of report/collection over
// every skill under the paths (start-up budget of a host, duplicate and
// near-duplicate names and descriptions).
#include <ostream>
#include <string>
#include <vector>

#include "skillscore/app/choices.hpp"

namespace skillscore::app {

struct CollectionOptions {
  std::vector<std::string> paths;
  std::string host = "claude-code";
  ListingFormat format = ListingFormat::Text;
  double threshold = 0.8;
};

// Exit 0 when the collection fits and nothing repeats, 1 otherwise, 2 on errors.
int run_collection(const CollectionOptions& options, std::ostream& out);

}  // namespace skillscore::app
