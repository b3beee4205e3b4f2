#pragma once
// The Markdown structure of a body, read from cmark-gfm's AST.
//
// cmark-gfm 0.29.0.gfm.6 (Debian 12) has quadratic-time and memory-hungry
// inputs (CVE-2023-22483, -22484, -22486, -24824, -26485, ...), and its
// autolink extension an out-of-bounds read (CVE-2023-22485). The input is
// untrusted, so parse_markdown hands every body above a few KiB to a parser
// process (one per calling thread, kept for the next body) with a CPU and a
// memory budget per body, and attaches no extension: see docs/robustness.md.
#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace skillscore::doc {

struct Heading {
  int level = 0;
  std::string text;  // the heading's plain text
  std::size_t line = 0;
};

struct CodeBlock {
  bool fenced = false;
  std::string info;      // the whole info string
  std::string language;  // its first word
  std::string literal;   // the code
  std::size_t line = 0;      // the opening fence (or first line of an indented block)
  std::size_t end_line = 0;
};

struct Link {
  std::string url;
  bool image = false;
  std::size_t line = 0;
};

// Lines first..last of the file, both included.
struct LineRange {
  std::size_t first = 0;
  std::size_t last = 0;
};

struct Markdown {
  std::vector<Heading> headings;
  std::vector<CodeBlock> code_blocks;
  std::vector<Link> links;
  // HTML blocks that are comments (`<!-- ... -->` starting a block): not prose.
  std::vector<LineRange> html_comments;
};

// The AST could not be built within the budget (pathological Markdown), or the
// parser process could not be started. what() says which, for the per-file error.
class MarkdownLimitError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct MarkdownLimits {
  // Larger bodies are refused outright (MarkdownLimitError): benign Markdown
  // costs cmark-gfm up to 0.1 s and 40 MB per MiB, hostile Markdown far more.
  std::size_t max_bytes = std::size_t{1} << 20;
  // Bodies up to this size are parsed in this process: no known cmark-gfm
  // pathology costs more than about 30 ms below it. 0: always isolate.
  std::size_t in_process_max_bytes = 4 * 1024;
  // Larger bodies go to the calling thread's parser process (forked on the
  // thread's first such body, reaped when the thread ends, replaced after any
  // failure). For each body it may use this much CPU time (user + system:
  // parsing and serializing the answer, an ITIMER_PROF armed per body)...
  double cpu_seconds = 0.5;
  // ...and this much more resident memory than it had when the body was sent,
  // watched by the parent every 5 ms (4 times as much under AddressSanitizer).
  std::size_t memory_bytes = std::size_t{64} << 20;
  // A wall-clock backstop per body, should the worker not get the CPU to hit
  // its budget.
  double wall_seconds = 10.0;
  // false: always parse in this process, without budget (fuzzers, benchmarks).
  bool isolate = true;
};

// The limits parse_markdown uses; set them once, before any thread starts.
const MarkdownLimits& markdown_limits();
void set_markdown_limits(const MarkdownLimits& limits);

// Registers cmark-gfm's extensions; call once from main, before any thread starts.
// (No extension is attached to the parser today; kept for the callers.)
void register_markdown_extensions();

// Parses `body`, whose first line is line `first_line` of the file, within
// markdown_limits(). Throws MarkdownLimitError when it cannot (the budget ran
// out, the parser process crashed or could not be started); the thread's next
// body then gets a fresh parser process.
Markdown parse_markdown(std::string_view body, std::size_t first_line);
Markdown parse_markdown(std::string_view body, std::size_t first_line, const MarkdownLimits& limits);

// Parses in this process, without any budget: for trusted input and fuzzing.
Markdown parse_markdown_in_process(std::string_view body, std::size_t first_line);

}  // namespace skillscore::doc
