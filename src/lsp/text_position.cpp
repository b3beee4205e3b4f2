#include "text_position.hpp"

#include <algorithm>

namespace skillscore::lsp {
namespace {

// UTF-16 units of the UTF-8 sequence starting with `lead`.
std::size_t utf16_units(unsigned char lead) { return lead >= 0xF0 ? 2 : 1; }
bool continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace

LineTable::LineTable(std::string_view text) : text_(text) {
  std::size_t begin = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] != '\n' && text[i] != '\r') continue;
    lines_.push_back({begin, i});
    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') ++i;
    begin = i + 1;
  }
  lines_.push_back({begin, text.size()});
}

Position LineTable::position_of(std::size_t offset) const {
  offset = std::min(offset, text_.size());
  const auto it = std::upper_bound(lines_.begin(), lines_.end(), offset,
                                   [](std::size_t o, const Line& l) { return o < l.begin; });
  const std::size_t line = static_cast<std::size_t>(it - lines_.begin()) - 1;
  const Line& l = lines_[line];
  std::size_t ch = 0;
  for (std::size_t i = l.begin; i < std::min(offset, l.end); ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (!continuation(c)) ch += utf16_units(c);
  }
  return {line, ch};
}

std::size_t LineTable::offset_of(Position p) const {
  if (p.line >= lines_.size()) return text_.size();
  const Line& l = lines_[p.line];
  std::size_t ch = 0, i = l.begin;
  while (i < l.end && ch < p.character) {
    ch += utf16_units(static_cast<unsigned char>(text_[i]));
    ++i;
    while (i < l.end && continuation(static_cast<unsigned char>(text_[i]))) ++i;
  }
  return i;
}

std::size_t LineTable::line_length(std::size_t line) const {
  if (line >= lines_.size()) return 0;
  return position_of(lines_[line].end).character;
}

std::size_t LineTable::character_of(std::size_t line, std::size_t code_points) const {
  if (line >= lines_.size()) return 0;
  const Line& l = lines_[line];
  std::size_t ch = 0, seen = 0;
  for (std::size_t i = l.begin; i < l.end && seen < code_points; ++i) {
    const auto c = static_cast<unsigned char>(text_[i]);
    if (continuation(c)) continue;
    ch += utf16_units(c);
    ++seen;
  }
  return ch;
}

std::string path_of_uri(std::string_view uri) {
  constexpr std::string_view scheme = "file://";
  if (uri.substr(0, scheme.size()) != scheme) return {};
  std::string_view rest = uri.substr(scheme.size());
  // file://host/path: only the local host (empty or localhost) is a path here.
  const auto slash = rest.find('/');
  if (slash == std::string_view::npos) return {};
  const std::string_view host = rest.substr(0, slash);
  if (!host.empty() && host != "localhost") return {};
  rest = rest.substr(slash);
  std::string out;
  for (std::size_t i = 0; i < rest.size(); ++i) {
    auto hex = [](char c) -> int {
      if (c >= '0' && c <= '9') return c - '0';
      if (c >= 'a' && c <= 'f') return c - 'a' + 10;
      if (c >= 'A' && c <= 'F') return c - 'A' + 10;
      return -1;
    };
    if (rest[i] == '%' && i + 2 < rest.size() && hex(rest[i + 1]) >= 0 && hex(rest[i + 2]) >= 0) {
      out += static_cast<char>(hex(rest[i + 1]) * 16 + hex(rest[i + 2]));
      i += 2;
    } else if (rest[i] == '?' || rest[i] == '#') {
      break;
    } else {
      out += rest[i];
    }
  }
  return out;
}

}  // namespace skillscore::lsp
