// FX002: spaces and tabs at the end of lines are removed, except where they
// mean something: two or more spaces before a line that goes on with the
// paragraph (a Markdown hard line break), code blocks (their content), the
// '---' delimiter lines, and frontmatter values that keep them (a `|` block):
// the frontmatter is read again after the edit and keeps its value, or its
// lines are left as they were.
#include <algorithm>

#include "fix_impl.hpp"
#include "frontmatter_edit.hpp"
#include "skillscore/doc/frontmatter.hpp"
#include "skillscore/doc/markdown.hpp"

namespace skillscore::fix::detail {

BodyStart body_start(std::string_view text) {
  const auto split = doc::split_frontmatter(text, doc::FrontmatterMode::DelimitedLines);
  if (!split.present) return {};
  const std::size_t off = split.body_offset;
  return {off, static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<std::ptrdiff_t>(off), '\n')) + 1};
}

namespace {

struct Line {
  std::size_t begin, end;  // end: the '\n' or the size
};

std::vector<Line> split_lines(std::string_view text) {
  std::vector<Line> lines;
  std::size_t pos = 0;
  while (true) {
    const auto nl = text.find('\n', pos);
    const std::size_t e = nl == std::string_view::npos ? text.size() : nl;
    lines.push_back({pos, e});
    if (nl == std::string_view::npos) break;
    pos = nl + 1;
  }
  return lines;
}

bool blank(std::string_view s) { return s.find_first_not_of(" \t") == std::string_view::npos; }

// Builds the text with the lines of `strip` (by index) cut at `keep[i]`.
std::string rebuild(std::string_view text, const std::vector<Line>& lines, const std::vector<std::size_t>& keep_end) {
  std::string out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    out.append(text.substr(lines[i].begin, keep_end[i] - lines[i].begin));
    if (lines[i].end < text.size()) out += '\n';
  }
  return out;
}

}  // namespace

FixOutcome fix_trailing_whitespace(std::string_view text, const FixContext&) {
  FixOutcome out;
  const auto lines = split_lines(text);
  const BodyStart body = body_start(text);
  const std::size_t fm_last_line = body.line - 1;  // lines 1..fm_last_line: frontmatter and delimiters
  std::vector<std::pair<std::size_t, std::size_t>> code;  // file lines, inclusive
  try {
    const auto md = doc::parse_markdown(text.substr(body.offset), body.line);
    for (const auto& b : md.code_blocks) code.emplace_back(b.line, std::max(b.line, b.end_line));
  } catch (const doc::MarkdownLimitError& e) {
    out.text = std::string(text);
    out.skipped.push_back(std::string("the Markdown could not be read to find its code blocks: ") + e.what());
    return out;
  }
  // Lines come in order and so do the blocks: one sweep, linear in both.
  std::sort(code.begin(), code.end());
  std::size_t next_block = 0;
  auto in_code = [&](std::size_t line) {
    while (next_block < code.size() && code[next_block].second < line) ++next_block;
    for (std::size_t k = next_block; k < code.size() && code[k].first <= line; ++k) {
      if (line <= code[k].second) return true;
    }
    return false;
  };
  std::vector<std::size_t> keep(lines.size());
  std::size_t body_count = 0, fm_count = 0;
  std::vector<std::size_t> fm_keep(lines.size());
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string_view s = text.substr(lines[i].begin, lines[i].end - lines[i].begin);
    std::size_t cut = s.size();
    while (cut > 0 && (s[cut - 1] == ' ' || s[cut - 1] == '\t')) --cut;
    keep[i] = fm_keep[i] = lines[i].end;
    if (cut == s.size()) continue;
    const std::size_t line_no = i + 1;
    if (s.substr(0, 3) == "---") continue;
    if (line_no <= fm_last_line) {
      keep[i] = lines[i].begin + cut;
      ++fm_count;
      continue;
    }
    if (in_code(line_no)) continue;  // code keeps what it has
    std::size_t spaces = 0;
    while (spaces < s.size() && s[s.size() - 1 - spaces] == ' ') ++spaces;
    const bool next_goes_on = i + 1 < lines.size() &&
                              !blank(text.substr(lines[i + 1].begin, lines[i + 1].end - lines[i + 1].begin));
    if (spaces >= 2 && cut > 0 && next_goes_on) continue;  // a hard line break
    keep[i] = fm_keep[i] = lines[i].begin + cut;
    ++body_count;
  }
  if (fm_count) {
    std::string candidate = rebuild(text, lines, keep);
    const FrontmatterText before = read_frontmatter(text);
    std::string why = "the frontmatter could not be read to check it";
    if (before.ok && reads_as(candidate, before.py, before.strict_ok ? &before.strict : nullptr, why)) {
      out.text = std::move(candidate);
      out.count = fm_count + body_count;
      return out;
    }
    out.skipped.push_back("trailing whitespace kept in the frontmatter: " + why);
  }
  out.count = body_count;
  out.text = body_count ? rebuild(text, lines, fm_keep) : std::string(text);
  return out;
}

}  // namespace skillscore::fix::detail
