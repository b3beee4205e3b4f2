#pragma once
// The pieces of text a metric's scope covers, each with what is needed to
// turn an offset inside it into a file line.
#include <cstddef>
#include <cstdint>
#include <deque>
#include <future>
#include <list>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "code_blocks.hpp"
#include "skillscore/doc/document.hpp"
#include "skill_files.hpp"
#include "skillscore/rules/profile.hpp"

namespace skillscore::rules {

struct TextPiece {
  std::string_view text;
  std::size_t first_line = 0;  // file line of text[0]
  // Unknown for text that is not a slice of the file (AST headings and links
  // have entities decoded): regexes then look for themselves.
  util::UnicodeClasses classes = util::UnicodeClasses::Unknown;
  // Another file of the skill ("scripts/x.sh"; lines are its own), or empty.
  std::string_view origin;
};

// A scope's pieces: kept (a deque, as blocks), or, for the code blocks scope,
// each block's code made when asked, so that a body of a million blocks does
// not hold a second million records. Read by index or range-for; a piece is
// a value (a few views), not a reference into the sequence.
class Pieces {
 public:
  Pieces() = default;
  Pieces(const CodeBlocks& blocks, util::UnicodeClasses classes) : blocks_(&blocks), classes_(classes) {}

  std::size_t size() const { return blocks_ ? blocks_->size() : kept_.size(); }
  bool empty() const { return size() == 0; }
  TextPiece operator[](std::size_t i) const {
    if (!blocks_) return kept_[i];
    const CodeBlockView& b = (*blocks_)[i];
    return {b.code, b.code_line, classes_};
  }
  void push_back(const TextPiece& piece) { kept_.push_back(piece); }

  class const_iterator {
   public:
    using value_type = TextPiece;
    using difference_type = std::ptrdiff_t;
    const_iterator(const Pieces* pieces, std::size_t i) : pieces_(pieces), i_(i) {}
    TextPiece operator*() const { return (*pieces_)[i_]; }
    const_iterator& operator++() {
      ++i_;
      return *this;
    }
    bool operator!=(const const_iterator& o) const { return i_ != o.i_; }
    bool operator==(const const_iterator& o) const { return i_ == o.i_; }

   private:
    const Pieces* pieces_;
    std::size_t i_;
  };
  const_iterator begin() const { return {this, 0}; }
  const_iterator end() const { return {this, size()}; }

 private:
  std::deque<TextPiece> kept_;
  const CodeBlocks* blocks_ = nullptr;  // the code blocks scope: the ScopeTexts' own blocks
  util::UnicodeClasses classes_ = util::UnicodeClasses::Unknown;
};

// Everything scopes need, computed on first use and kept for the document.
class ScopeTexts {
 public:
  ScopeTexts(const Profile& profile, const doc::Document& document) : profile_(profile), doc_(document) {}
  // The code blocks scope's pieces point into the blocks kept here.
  ScopeTexts(const ScopeTexts&) = delete;
  ScopeTexts& operator=(const ScopeTexts&) = delete;

  // `levels` narrows the headings scope to some heading levels (0: all).
  const Pieces& pieces(Scope scope, HeadingLevels levels = 0);
  const CodeBlocks& code_blocks();
  // Which of the profile's indexed patterns occur in the body (one pass, on
  // first use); nullptr when the index could not answer. Without `wait`,
  // nullptr too while a pass started by start_body_presence() is running.
  const std::vector<bool>* body_presence(bool wait = true);
  // Starts the body's presence pass on a thread of its own, so that metrics
  // which need no answer from it can run meanwhile (a large file, a spare core).
  void start_body_presence();
  // Whether pattern `slot` of the profile's scope scan group `group` may
  // match `piece`, the `index`th of the group's scope (one scan per piece,
  // on first use); true when there is no answer.
  bool may_match(int group, std::size_t index, const TextPiece& piece, int slot);
  // File line of `offset` inside `piece`.
  std::size_t line_in(const TextPiece& piece, std::size_t offset) const;

 private:
  util::UnicodeClasses code_classes() const;

  const Profile& profile_;
  const doc::Document& doc_;
  bool have_blocks_ = false;
  int presence_state_ = 0;  // 0: not computed, 1: computed, -1: unavailable
  std::vector<bool> presence_;
  std::future<std::optional<std::vector<bool>>> pending_presence_;  // from start_body_presence()
  // Made on first use (an empty deque already holds an allocation).
  std::optional<CodeBlocks> blocks_;
  std::optional<Pieces> body_, code_, headings_, prose_, links_, file_, scripts_, references_;
  std::vector<SkillFile> script_files_, reference_files_;
  bool have_file_ = false, have_scripts_ = false, have_references_ = false;
  std::list<std::pair<HeadingLevels, Pieces>> headings_by_level_;  // stable references, nothing allocated while empty
  std::string prose_text_;
  // Per scope scan group, the pieces scanned, by index: only pieces worth a
  // scan get an entry (nullopt when the scan gave no answer), so a body of a
  // million small code blocks keeps nothing per block.
  using ScanAnswers = std::unordered_map<std::size_t, std::optional<std::vector<bool>>>;
  std::vector<ScanAnswers> scan_answers_;
  bool have_body_ = false, have_code_ = false, have_headings_ = false, have_prose_ = false, have_links_ = false;
};

}  // namespace skillscore::rules
