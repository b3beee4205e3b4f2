#pragma once
// The pieces of text a metric's scope covers, each with what is needed to
// turn an offset inside it into a file line.
#include <cstddef>
#include <deque>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/doc/document.hpp"
#include "skillscore/rules/profile.hpp"

namespace skillscore::rules {

struct TextPiece {
  std::string_view text;
  std::size_t first_line = 0;  // file line of text[0]
};

struct CodeBlockView {
  std::string_view language;
  std::string_view code;
  std::size_t code_line = 0;   // file line of the code's first character
  std::size_t fence_line = 0;  // file line of the opening fence (of the code, for indented blocks)
};

// Everything scopes need, computed on first use and kept for the document.
class ScopeTexts {
 public:
  ScopeTexts(const Profile& profile, const doc::Document& document) : profile_(profile), doc_(document) {}

  // `levels` narrows the headings scope to some heading levels (0: all).
  const std::vector<TextPiece>& pieces(Scope scope, HeadingLevels levels = 0);
  const std::vector<CodeBlockView>& code_blocks();
  // Which of the profile's indexed patterns occur in the body (one pass, on
  // first use); nullptr when the index could not answer.
  const std::vector<bool>* body_presence();
  // File line of `offset` inside `piece`.
  std::size_t line_in(const TextPiece& piece, std::size_t offset) const;

 private:
  const Profile& profile_;
  const doc::Document& doc_;
  bool have_blocks_ = false;
  int presence_state_ = 0;  // 0: not computed, 1: computed, -1: unavailable
  std::vector<bool> presence_;
  std::vector<CodeBlockView> blocks_;
  std::vector<TextPiece> body_, code_, headings_, prose_, links_;
  std::deque<std::pair<HeadingLevels, std::vector<TextPiece>>> headings_by_level_;  // stable references
  std::string prose_text_;
  bool have_body_ = false, have_code_ = false, have_headings_ = false, have_prose_ = false, have_links_ = false;
};

}  // namespace skillscore::rules
