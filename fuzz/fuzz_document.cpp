// libFuzzer target: the document model. Bytes -> decode_skill_text (strict
// UTF-8, universal newlines) -> Document in both frontmatter modes (split +
// frontmatter YAML) -> the cmark-gfm AST of the body. parse_markdown is also
// called directly on the raw bytes, valid UTF-8 or not. The budgeted child
// process of parse_markdown is switched off: the fuzzer runs cmark-gfm in
// process, and libFuzzer's -timeout / -rss_limit_mb are the budget.
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "skillscore/doc/document.hpp"
#include "skillscore/doc/markdown.hpp"
#include "skillscore/rules/regex.hpp"
#include "skillscore/rules/sequence_matcher.hpp"

using namespace skillscore;

namespace {

// The reference's code-block pattern through the direct matcher, against RE2
// running the same pattern (translated) with its own captures.
void check_sequence_matcher(std::string_view text) {
  static const char* const k_pattern = "```(\\w*)\\n(.*?)```";
  static const rules::RegexFlags k_flags{false, false, true};
  static const auto matcher = rules::SequenceMatcher::compile(k_pattern, k_flags);
  static const RE2 re = [] {
    std::string error;
    RE2::Options opts;
    opts.set_encoding(RE2::Options::EncodingUTF8);
    return RE2("(?s)" + *rules::translate_python_regex(k_pattern, k_flags, error), opts);
  }();
  if (!matcher || !re.ok()) __builtin_trap();
  std::size_t pos = 0;
  const re2::StringPiece subject(text.data(), text.size());
  re2::StringPiece sub[3];
  std::string_view groups[2];
  rules::Match whole;
  while (pos <= text.size()) {
    const auto r = matcher->find_groups(text, pos, whole, groups, 2);
    if (r == rules::SequenceMatcher::Result::Unsure) return;
    const bool found = re.Match(subject, pos, text.size(), RE2::UNANCHORED, sub, 3);
    if (found != (r == rules::SequenceMatcher::Result::Found)) __builtin_trap();
    if (!found) return;
    const auto begin = static_cast<std::size_t>(sub[0].data() - text.data());
    if (whole.begin != begin || whole.end != begin + sub[0].size()) __builtin_trap();
    for (int g = 0; g < 2; ++g) {
      if (groups[g] != std::string_view(sub[g + 1].data(), sub[g + 1].size())) __builtin_trap();
    }
    pos = whole.end > pos ? whole.end : pos + 1;
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  doc::register_markdown_extensions();
  // cmark-gfm in this process: a child process would hide its coverage.
  doc::MarkdownLimits limits;
  limits.isolate = false;
  doc::set_markdown_limits(limits);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (fuzz::known_issue_input(fuzz::frontmatter_region(fuzz::as_view(data, size)))) return -1;  // fuzz_common.hpp
  const std::string_view bytes = fuzz::as_view(data, size);
  // cmark-gfm on arbitrary bytes (it replaces invalid UTF-8 itself).
  (void)doc::parse_markdown_in_process(bytes, 1);
  std::string error;
  auto text = doc::decode_skill_text(bytes, error);
  if (!text) {
    if (error.empty()) __builtin_trap();  // an error must say why
    return 0;
  }
  check_sequence_matcher(*text);
  for (auto mode : {doc::FrontmatterMode::ReferenceSplit, doc::FrontmatterMode::DelimitedLines}) {
    const doc::Document d("fuzz/SKILL.md", *text, mode);
    // Invariants the reporters rely on.
    if (d.body_offset() + d.body().size() > d.text().size()) __builtin_trap();
    const auto& fm = d.frontmatter();
    if (!fm.data.is_map()) __builtin_trap();
    const auto& md = d.markdown();
    const std::size_t lines = d.line_of(d.text().size());
    for (const auto& h : md.headings) {
      if (h.line == 0 || h.line > lines + 1) __builtin_trap();
    }
    for (const auto& b : md.code_blocks) {
      if (b.line == 0 || b.end_line < b.line) __builtin_trap();
    }
    for (const auto& c : md.html_comments) {
      if (c.first == 0 || c.last < c.first || c.last > lines + 1) __builtin_trap();
    }
  }
  return 0;
}
