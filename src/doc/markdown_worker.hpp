#pragma once
// Parsing untrusted Markdown under a budget: one parser process per calling
// thread, killed and replaced when a body exceeds its CPU, memory or wall-clock
// budget (docs/robustness.md). Internal to src/doc.
#include <cstddef>
#include <string_view>

#include "skillscore/doc/markdown.hpp"

namespace skillscore::doc::detail {

// parse_markdown_in_process(body, first_line), in this thread's worker process.
// Throws MarkdownLimitError when the budget of `limits` is exceeded or the
// worker cannot be started.
Markdown parse_isolated(std::string_view body, std::size_t first_line, const MarkdownLimits& limits);

}  // namespace skillscore::doc::detail
