#pragma once
// `skillscore tokens`: token counts of each skill, of its description and
// body, and of each section (level-1 and level-2 headings), with OpenAI's
// BPE encodings beside the estimate the profiles use (code points / 4,
// rounded up).
#include <ostream>
#include <string>
#include <vector>

#include "skillscore/app/choices.hpp"

namespace skillscore::app {

struct TokensOptions {
  std::vector<std::string> paths;
  ListingFormat format = ListingFormat::Text;
  bool raw = false;             // count each named file's whole text, nothing else (for comparisons)
};

// Exit 0, or 2 when a path could not be read (the others are still counted).
int run_tokens(const TokensOptions& options, std::ostream& out);

}  // namespace skillscore::app
