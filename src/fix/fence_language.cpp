// FX003: "``` python" becomes "```python". CommonMark strips the info string,
// so both open the same block with the same language; the reference's
// pattern ```(\w*)\n sees only the second. The Markdown is parsed again
// after the edit: the code blocks must be the same, or nothing changes.
#include "fix_impl.hpp"
#include "skillscore/doc/markdown.hpp"

namespace skillscore::fix::detail {
namespace {

// The whitespace between the fence and the info string of an opening fence
// line: [begin, end) within the line, or {0, 0}.
std::pair<std::size_t, std::size_t> gap_after_fence(std::string_view line) {
  std::size_t i = 0;
  while (i < line.size() && (line[i] == ' ' || line[i] == '>')) ++i;
  if (i >= line.size() || (line[i] != '`' && line[i] != '~')) return {0, 0};
  const char c = line[i];
  const std::size_t run_start = i;
  while (i < line.size() && line[i] == c) ++i;
  if (i - run_start < 3) return {0, 0};
  const std::size_t gap = i;
  while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  if (i == gap || i >= line.size()) return {0, 0};
  return {gap, i};
}

bool same_blocks(const doc::Markdown& a, const doc::Markdown& b) {
  if (a.code_blocks.size() != b.code_blocks.size()) return false;
  for (std::size_t i = 0; i < a.code_blocks.size(); ++i) {
    const auto& x = a.code_blocks[i];
    const auto& y = b.code_blocks[i];
    if (x.fenced != y.fenced || x.info != y.info || x.language != y.language || x.literal != y.literal ||
        x.line != y.line || x.end_line != y.end_line) {
      return false;
    }
  }
  return true;
}

}  // namespace

FixOutcome fix_fence_language(std::string_view text, const FixContext&) {
  FixOutcome out;
  out.text = std::string(text);
  const BodyStart body = body_start(text);
  doc::Markdown before;
  try {
    before = doc::parse_markdown(text.substr(body.offset), body.line);
  } catch (const doc::MarkdownLimitError& e) {
    out.skipped.push_back(std::string("the Markdown could not be read to find its code blocks: ") + e.what());
    return out;
  }
  // Line starts, from the body on.
  std::vector<std::size_t> starts{0};
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\n') starts.push_back(i + 1);
  }
  std::string fixed;
  std::size_t copied = 0;
  for (const auto& b : before.code_blocks) {
    if (!b.fenced || b.info.empty() || b.line == 0 || b.line > starts.size()) continue;
    const std::size_t ls = starts[b.line - 1];
    const std::size_t le = b.line < starts.size() ? starts[b.line] - 1 : text.size();
    const auto [gb, ge] = gap_after_fence(text.substr(ls, le - ls));
    if (gb == ge) continue;
    fixed.append(text.substr(copied, ls + gb - copied));
    copied = ls + ge;
    ++out.count;
  }
  if (!out.count) return out;
  fixed.append(text.substr(copied));
  const BodyStart after_start = body_start(fixed);
  try {
    const auto after = doc::parse_markdown(std::string_view(fixed).substr(after_start.offset), after_start.line);
    // The same blocks, with the same languages and code, on the same lines.
    if (same_blocks(before, after)) {
      out.text = std::move(fixed);
      return out;
    }
  } catch (const doc::MarkdownLimitError&) {
  }
  out.count = 0;
  out.skipped.push_back("after removing the space, the code blocks read differently; fences left as they were");
  return out;
}

}  // namespace skillscore::fix::detail
