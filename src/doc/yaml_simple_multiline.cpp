#include "yaml_simple_multiline.hpp"

#include <algorithm>

namespace skillscore::doc {

std::optional<ScannedScalar> read_block_scalar(std::string_view text, std::size_t indicator, std::size_t parent_indent) {
  const std::size_t n = text.size();
  const bool folded = text[indicator] == '>';
  std::size_t pos = indicator + 1;
  auto peek = [&](std::size_t at) { return at < n ? text[at] : '\0'; };
  // The header: chomping (+ keep, - strip) and an indentation increment 1-9, in either order.
  int chomping = 0;  // 0 clip, 1 keep, -1 strip
  std::size_t increment = 0;
  auto read_chomping = [&] {
    if (peek(pos) != '+' && peek(pos) != '-') return false;
    chomping = peek(pos++) == '+' ? 1 : -1;
    return true;
  };
  auto read_increment = [&] {
    if (peek(pos) < '1' || peek(pos) > '9') return false;  // '0' is PyYAML's error
    increment = static_cast<std::size_t>(peek(pos++) - '0');
    return true;
  };
  if (read_chomping()) read_increment();
  else if (read_increment()) read_chomping();
  // Then spaces and a comment, or the line break; anything else is PyYAML's error.
  if (peek(pos) != ' ' && peek(pos) != '\n' && peek(pos) != '\0') return std::nullopt;
  while (peek(pos) == ' ') ++pos;
  if (peek(pos) == '#') {
    while (peek(pos) != '\n' && peek(pos) != '\0') ++pos;
  }
  if (peek(pos) != '\n' && peek(pos) != '\0') return std::nullopt;
  if (pos < n) ++pos;

  // Columns: the scanner is always at a line start or in a line's leading spaces here.
  std::size_t line_start = pos;
  auto column = [&] { return pos - line_start; };
  auto take_break = [&]() -> bool {  // scan_line_break: "\n", or nothing at the end
    if (peek(pos) != '\n') return false;
    line_start = ++pos;
    return true;
  };
  const std::size_t min_indent = parent_indent + 1;
  std::size_t indent = 0;
  std::string breaks;
  auto scan_breaks = [&](std::size_t ind) {
    breaks.clear();
    while (column() < ind && peek(pos) == ' ') ++pos;
    while (peek(pos) == '\n') {
      take_break();
      breaks += '\n';
      while (column() < ind && peek(pos) == ' ') ++pos;
    }
  };
  if (increment == 0) {
    // The deepest indentation of the leading blank lines, at least min_indent.
    std::size_t max_indent = 0;
    while (peek(pos) == ' ' || peek(pos) == '\n') {
      if (peek(pos) == '\n') {
        take_break();
        breaks += '\n';
      } else {
        ++pos;
        max_indent = std::max(max_indent, column());
      }
    }
    indent = std::max(min_indent, max_indent);
  } else {
    indent = min_indent + increment - 1;
    scan_breaks(indent);
  }
  ScannedScalar out;
  std::string& chunks = out.value;
  bool line_break = false;
  while (column() == indent && pos < n) {
    chunks += breaks;
    const bool leading_non_space = peek(pos) != ' ';
    const std::size_t eol = std::min(text.find('\n', pos), n);
    chunks.append(text, pos, eol - pos);
    pos = eol;
    line_break = take_break();
    scan_breaks(indent);
    if (column() == indent && pos < n) {
      if (folded && line_break && leading_non_space && peek(pos) != ' ') {
        if (breaks.empty()) chunks += ' ';
      } else if (line_break) {
        chunks += '\n';
      }
    } else {
      break;
    }
  }
  if (chomping != -1 && line_break) chunks += '\n';
  if (chomping == 1) chunks += breaks;
  out.end = pos;
  out.at_end = pos >= n;
  return out;
}

std::optional<ScannedScalar> read_single_quoted(std::string_view text, std::size_t quote) {
  const std::size_t n = text.size();
  std::size_t pos = quote + 1;
  ScannedScalar out;
  std::string& chunks = out.value;
  auto marker_at = [&](std::size_t at) {
    return (text.compare(at, 3, "---") == 0 || text.compare(at, 3, "...") == 0) &&
           (at + 3 >= n || text[at + 3] == ' ' || text[at + 3] == '\n');
  };
  while (true) {
    // scan_flow_scalar_non_spaces: '' is a quote, a lone ' closes.
    while (pos < n && text[pos] != ' ' && text[pos] != '\n') {
      if (text[pos] == '\'') {
        if (pos + 1 < n && text[pos + 1] == '\'') {
          chunks += '\'';
          pos += 2;
          continue;
        }
        out.end = pos + 1;
        out.at_end = out.end >= n;
        return out;
      }
      chunks += text[pos++];
    }
    // scan_flow_scalar_spaces: spaces are kept inside a line, dropped before a break.
    const std::size_t spaces = pos;
    while (pos < n && text[pos] == ' ') ++pos;
    if (pos >= n) return std::nullopt;  // "found unexpected end of stream"
    if (text[pos] != '\n') {
      chunks.append(text, spaces, pos - spaces);
      continue;
    }
    // scan_flow_scalar_breaks: one break folds into a space, more keep all but the first.
    ++pos;
    std::size_t breaks = 0;
    while (true) {
      if (marker_at(pos)) return std::nullopt;  // "found unexpected document separator"
      while (pos < n && text[pos] == ' ') ++pos;
      if (pos >= n || text[pos] != '\n') break;
      ++breaks;
      ++pos;
    }
    if (breaks == 0) chunks += ' ';
    else chunks.append(breaks, '\n');
  }
}

}  // namespace skillscore::doc
