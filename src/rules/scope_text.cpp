#include "scope_text.hpp"

#include <algorithm>
#include <chrono>

#include "skillscore/rules/presence.hpp"
#include "skillscore/rules/scope_scan.hpp"
#include "skillscore/util/newlines.hpp"

namespace skillscore::rules {
namespace {

// A scope's pieces, made on first use: a deque allocates when it is
// constructed, and most documents read only a few of the scopes.
Pieces& made(std::optional<Pieces>& pieces) {
  if (!pieces) pieces.emplace();
  return *pieces;
}

}  // namespace

std::size_t ScopeTexts::line_in(const TextPiece& piece, std::size_t offset) const {
  return piece.first_line + util::count_newlines(piece.text.substr(0, offset));
}

util::UnicodeClasses ScopeTexts::code_classes() const {
  // Code from the regex is a slice of the text; the AST's is left to look for itself.
  return profile_.document.code_blocks == CodeBlockSource::Regex ? doc_.unicode_classes() : util::UnicodeClasses::Unknown;
}

void ScopeTexts::start_body_presence() {
  if (presence_state_ != 0 || pending_presence_.valid() || !profile_.presence) return;
  // The thread reads only the index and the body; the Document's lazy
  // members are not touched there (the classes are taken here first).
  const PresenceIndex* index = profile_.presence.get();
  const std::string_view body = doc_.body();
  const util::UnicodeClasses classes = doc_.unicode_classes();
  pending_presence_ = std::async(std::launch::async, [index, body, classes]() -> std::optional<std::vector<bool>> {
    std::vector<bool> present;
    if (!index->match(body, classes, present)) return std::nullopt;
    return present;
  });
}

const std::vector<bool>* ScopeTexts::body_presence(bool wait) {
  if (presence_state_ == 0 && pending_presence_.valid()) {
    if (!wait && pending_presence_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return nullptr;
    auto present = pending_presence_.get();
    presence_state_ = present ? 1 : -1;
    if (present) presence_ = std::move(*present);
  }
  if (presence_state_ == 0) {
    presence_state_ = profile_.presence && profile_.presence->match(doc_.body(), doc_.unicode_classes(), presence_) ? 1 : -1;
  }
  return presence_state_ == 1 ? &presence_ : nullptr;
}

const CodeBlocks& ScopeTexts::code_blocks() {
  if (have_blocks_) return *blocks_;
  have_blocks_ = true;
  const auto& spec = profile_.document;
  if (spec.code_blocks == CodeBlockSource::Regex) {
    blocks_.emplace(doc_.text());
    const int slot = profile_.presence ? profile_.presence->code_block_slot() : -1;
    const auto* present = slot >= 0 ? body_presence() : nullptr;
    if (present && !(*present)[static_cast<std::size_t>(slot)]) return *blocks_;
    const std::string_view body = doc_.body();
    const Regex& re = *spec.code_block_pattern;
    const int ngroups = re.group_count();
    std::vector<std::string_view> groups(static_cast<std::size_t>(ngroups));
    std::size_t pos = 0;
    Match whole;
    // Lines by counting forward from the previous block (matches come in
    // order) when it is near; a block far on asks the line index, which
    // counts at most a few lines.
    constexpr std::size_t k_near = 512;
    const std::string_view text = doc_.text();
    std::size_t at = doc_.body_offset(), at_line = doc_.line_of(at);
    const auto line_at = [&](std::size_t offset) {
      if (offset < at) return doc_.line_of(offset);
      at_line = offset - at <= k_near ? at_line + util::count_newlines(text.substr(at, offset - at)) : doc_.line_of(offset);
      at = offset;
      return at_line;
    };
    while (pos <= body.size() && re.find_groups(body, pos, whole, groups.data(), ngroups, doc_.unicode_classes())) {
      CodeBlockView b;
      b.language = groups[static_cast<std::size_t>(spec.language_group - 1)];
      b.code = groups[static_cast<std::size_t>(spec.code_group - 1)];
      const std::size_t code_offset = b.code.data() ? static_cast<std::size_t>(b.code.data() - text.data())
                                                    : doc_.body_offset() + whole.end;
      b.fence_line = static_cast<std::uint32_t>(line_at(doc_.body_offset() + whole.begin));
      b.code_line = static_cast<std::uint32_t>(line_at(code_offset));
      blocks_->push_back(b);
      pos = whole.end > pos ? whole.end : pos + 1;
    }
  } else {
    blocks_.emplace();
    const bool fenced_only = spec.code_blocks == CodeBlockSource::AstFenced;
    for (const auto& cb : doc_.markdown().code_blocks) {
      if (fenced_only && !cb.fenced) continue;
      const auto line = static_cast<std::uint32_t>(cb.line);
      blocks_->push_back({cb.language, cb.literal, cb.fenced ? line + 1 : line, line});
    }
  }
  return *blocks_;
}

const Pieces& ScopeTexts::pieces(Scope scope, HeadingLevels levels) {
  if (scope == Scope::Headings && levels != 0) {
    for (const auto& [mask, kept] : headings_by_level_) {
      if (mask == levels) return kept;
    }
    Pieces kept;
    for (const auto& h : doc_.markdown().headings) {
      if (h.level >= 1 && h.level <= 6 && (levels & (1u << h.level))) kept.push_back({h.text, h.line});
    }
    return headings_by_level_.emplace_back(levels, std::move(kept)).second;
  }
  switch (scope) {
    case Scope::Body:
      if (!have_body_) {
        have_body_ = true;
        made(body_).push_back({doc_.body(), doc_.line_of(doc_.body_offset()), doc_.unicode_classes()});
      }
      return made(body_);
    case Scope::CodeBlocks:
      if (!have_code_) {
        have_code_ = true;
        code_.emplace(code_blocks(), code_classes());
      }
      return made(code_);
    case Scope::Headings:
      if (!have_headings_) {
        have_headings_ = true;
        for (const auto& h : doc_.markdown().headings) made(headings_).push_back({h.text, h.line});
      }
      return made(headings_);
    case Scope::File:
      if (!have_file_) {
        have_file_ = true;
        made(file_).push_back({doc_.text(), 1});
      }
      return made(file_);
    case Scope::Scripts:
    case Scope::References: {
      const bool scripts = scope == Scope::Scripts;
      Pieces& pieces = made(scripts ? scripts_ : references_);
      bool& have = scripts ? have_scripts_ : have_references_;
      if (!have) {
        have = true;
        auto& files = scripts ? script_files_ : reference_files_;
        files = read_skill_files(doc_.path(), scripts ? "scripts" : "references");
        for (const auto& f : files) pieces.push_back({f.text, 1, util::UnicodeClasses::Unknown, f.name});
      }
      return pieces;
    }
    case Scope::Links:
      if (!have_links_) {
        have_links_ = true;
        for (const auto& l : doc_.markdown().links) made(links_).push_back({l.url, l.line});
      }
      return made(links_);
    case Scope::Prose:
      if (!have_prose_) {
        have_prose_ = true;
        // The body with every line of an AST code block or HTML comment block
        // emptied, so lines stay true.
        const std::string_view body = doc_.body();
        const std::size_t first = doc_.line_of(doc_.body_offset());
        std::vector<std::pair<std::size_t, std::size_t>> code_lines;
        for (const auto& cb : doc_.markdown().code_blocks) code_lines.emplace_back(cb.line, cb.end_line);
        for (const auto& c : doc_.markdown().html_comments) code_lines.emplace_back(c.first, c.last);
        std::sort(code_lines.begin(), code_lines.end());
        std::size_t line = first, start = 0, next_block = 0;
        while (start <= body.size()) {
          auto nl = body.find('\n', start);
          const std::size_t end = nl == std::string_view::npos ? body.size() : nl;
          // Lines only grow: skip the blocks that ended before this line.
          while (next_block < code_lines.size() && code_lines[next_block].second < line) ++next_block;
          const bool in_code = next_block < code_lines.size() && code_lines[next_block].first <= line;
          if (!in_code) prose_text_.append(body.substr(start, end - start));
          if (nl == std::string_view::npos) break;
          prose_text_ += '\n';
          start = nl + 1;
          ++line;
        }
        made(prose_).push_back({prose_text_, first, doc_.unicode_classes()});
      }
      return made(prose_);
  }
  return made(body_);
}

bool ScopeTexts::may_match(int group, std::size_t index, const TextPiece& piece, int slot) {
  const ScopeScan* scan = profile_.scope_scan.get();
  if (!scan || group < 0 || slot < 0) return true;
  // A scan costs about a microsecond to start: on a small piece (a code
  // block of the default profile's placeholder search) RE2 answers its few
  // patterns sooner; the file under thirty find patterns is another matter.
  constexpr std::size_t k_min_scan_bytes = 32 * 1024;  // piece bytes times patterns
  if (piece.text.size() * scan->size(group) < k_min_scan_bytes) return true;
  if (scan_answers_.empty()) scan_answers_.resize(scan->groups());
  auto [it, fresh] = scan_answers_[static_cast<std::size_t>(group)].try_emplace(index);
  if (fresh) {
    std::vector<bool> may;
    if (scan->scan(group, piece.text, piece.classes, may)) it->second = std::move(may);
  }
  return !it->second || (*it->second)[static_cast<std::size_t>(slot)];
}

}  // namespace skillscore::rules
