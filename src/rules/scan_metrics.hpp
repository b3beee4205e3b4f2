#pragma once
// The metric kinds that scan text for what a check names exactly: `find`
// (the first match of patterns, shown or redacted), `characters` (the first
// listed code point, named) and `tokens` (BPE counts). Each value locates
// itself at a line and a column of the skill file.
#include <cstddef>

#include "scope_text.hpp"
#include "skillscore/rules/value.hpp"

namespace skillscore::rules {

struct Location {
  std::size_t line = 0, column = 0;
};

Value eval_find(const FindSpec& s, ScopeTexts& scopes, Location& at);
Value eval_characters(const CharactersSpec& s, ScopeTexts& scopes, const doc::Document& doc, Location& at);
Value eval_tokens(const TokensSpec& s, ScopeTexts& scopes, const doc::Document& doc);

}  // namespace skillscore::rules
