#pragma once
// One SKILL.md, read once: the text as the reference CLI reads it, a line
// index, the frontmatter, the body and (on demand) its Markdown structure.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "skillscore/doc/frontmatter.hpp"
#include "skillscore/doc/markdown.hpp"
#include "skillscore/util/line_index.hpp"
#include "skillscore/util/unicode.hpp"

namespace skillscore::doc {

class Document {
 public:
  // `text` must be valid UTF-8 with newlines already normalized.
  Document(std::string path, std::string text, FrontmatterMode mode, YamlDialect dialect = YamlDialect::PyYaml);

  const std::string& path() const { return path_; }
  const std::string& text() const { return text_; }
  // Gives the text's storage back (for the next file's read); the document
  // is not to be used after.
  std::string release_text() && { return std::move(text_); }
  const util::LineIndex& lines() const { return lines_; }
  const Frontmatter& frontmatter() const { return frontmatter_; }
  std::string_view body() const { return std::string_view(text_).substr(body_offset_, body_size_); }
  std::size_t body_offset() const { return body_offset_; }
  // 1-based line of a byte offset in the text.
  std::size_t line_of(std::size_t offset) const { return lines_.line_of(text_, offset); }
  // The Markdown AST of the body, parsed on first use.
  const Markdown& markdown() const;
  // Whether the text has letters or digits beyond ASCII (found on first use):
  // when it has none, regexes may use their cheaper ASCII forms on it.
  util::UnicodeClasses unicode_classes() const;

 private:
  std::string path_;
  std::string text_;
  util::LineIndex lines_;
  Frontmatter frontmatter_;
  std::size_t body_offset_ = 0;
  std::size_t body_size_ = 0;
  mutable std::optional<Markdown> markdown_;
  mutable util::UnicodeClasses classes_ = util::UnicodeClasses::Unknown;
};

// Reads bytes as Python's read_text(encoding="utf-8") would: strict UTF-8
// (nullopt with `error` set otherwise), universal newlines, BOM kept.
std::optional<std::string> decode_skill_text(std::string_view bytes, std::string& error);
// The same in place: `bytes` becomes the text (no copy); false, with `error`
// set and `bytes` left as it was, when they are not UTF-8.
bool decode_skill_text_in_place(std::string& bytes, std::string& error);

}  // namespace skillscore::doc
