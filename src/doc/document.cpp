#include "skillscore/doc/document.hpp"

#include "skillscore/util/file_io.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::doc {

Document::Document(std::string path, std::string text, FrontmatterMode mode, YamlDialect dialect)
    : path_(std::move(path)), text_(std::move(text)), lines_(text_) {
  const FrontmatterSplit split = split_frontmatter(text_, mode);
  frontmatter_ = load_frontmatter(split, lines_.line_of(text_, split.yaml_offset), dialect);
  body_offset_ = split.body_offset;
  body_size_ = split.body.size();
}

const Markdown& Document::markdown() const {
  if (!markdown_) markdown_ = parse_markdown(body(), lines_.line_of(text_, body_offset_));
  return *markdown_;
}

namespace {

// The error for invalid UTF-8, or an empty string.
std::string utf8_error(std::string_view bytes) {
  const auto bad = util::find_invalid_utf8(bytes);
  if (!bad) return {};
  std::string error = "not valid UTF-8 (invalid byte 0x";
  static const char* hex = "0123456789abcdef";
  const auto b = static_cast<unsigned char>(bytes[*bad]);
  error += hex[b >> 4];
  error += hex[b & 15];
  error += " at offset " + std::to_string(*bad) + ")";
  return error;
}

}  // namespace

std::optional<std::string> decode_skill_text(std::string_view bytes, std::string& error) {
  if (std::string e = utf8_error(bytes); !e.empty()) {
    error = std::move(e);
    return std::nullopt;
  }
  return util::normalize_newlines(bytes);
}

bool decode_skill_text_in_place(std::string& bytes, std::string& error) {
  if (std::string e = utf8_error(bytes); !e.empty()) {
    error = std::move(e);
    return false;
  }
  util::normalize_newlines_in_place(bytes);
  return true;
}

util::UnicodeClasses Document::unicode_classes() const {
  classes_ = util::resolve_unicode_classes(classes_, text_);
  return classes_;
}

}  // namespace skillscore::doc
