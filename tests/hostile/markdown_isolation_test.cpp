// ctest `markdown_isolation`: parse_markdown's budgeted child process
// (src/doc/markdown.cpp) gives exactly what the in-process parser gives, and
// turns pathological Markdown into a MarkdownLimitError within its budget.
// Plain asserts, no framework: prints one line per check, exits 1 on failure.
#include <chrono>
#include <cstdio>
#include <string>

#include "skillscore/doc/markdown.hpp"

using namespace skillscore::doc;

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
  if (!ok) ++failures;
}

bool same(const Markdown& a, const Markdown& b) {
  if (a.headings.size() != b.headings.size() || a.code_blocks.size() != b.code_blocks.size() ||
      a.links.size() != b.links.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.headings.size(); ++i) {
    const auto &x = a.headings[i], &y = b.headings[i];
    if (x.level != y.level || x.text != y.text || x.line != y.line) return false;
  }
  for (std::size_t i = 0; i < a.code_blocks.size(); ++i) {
    const auto &x = a.code_blocks[i], &y = b.code_blocks[i];
    if (x.fenced != y.fenced || x.info != y.info || x.language != y.language || x.literal != y.literal ||
        x.line != y.line || x.end_line != y.end_line) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.links.size(); ++i) {
    const auto &x = a.links[i], &y = b.links[i];
    if (x.url != y.url || x.image != y.image || x.line != y.line) return false;
  }
  return true;
}

std::string repeat(const std::string& unit, std::size_t total) {
  std::string s;
  s.reserve(total + unit.size());
  while (s.size() + unit.size() <= total) s += unit;
  return s;
}

const std::string k_unit =
    "## Section *one* `code`\n\nProse with a [link](references/a.md), ![img](i.png) and <https://x.y/z>.\n\n"
    "- item\n  - nested\n\n```python title\ndef f():\n    return 1\n```\n\n    indented code\n\n"
    "> quote\n> ```sh\n> ls\n> ```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSetext\n------\n\n~~~\nunclosed at the end\n";

// Runs f and returns the MarkdownLimitError message, or "" when it did not throw.
template <typename F>
std::string limit_error(F&& f) {
  try {
    f();
  } catch (const MarkdownLimitError& e) {
    return e.what();
  }
  return {};
}

}  // namespace

int main() {
  register_markdown_extensions();
  MarkdownLimits limits;  // the defaults

  // 1. A benign body well above the in-process threshold: the child's answer
  //    is the in-process answer, field for field.
  const std::string benign = repeat(k_unit, 256 * 1024);
  const Markdown direct = parse_markdown_in_process(benign, 7);
  const Markdown isolated = parse_markdown(benign, 7, limits);
  check(!direct.headings.empty() && !direct.code_blocks.empty() && !direct.links.empty(), "benign body has structure");
  check(same(direct, isolated), "child process answer == in-process answer (256 KiB)");

  // 2. Small bodies stay in process and still agree.
  const std::string small = k_unit;
  check(same(parse_markdown_in_process(small, 1), parse_markdown(small, 1, limits)), "small body, same answer");

  // 3. Over the size limit: refused at once.
  const auto t0 = std::chrono::steady_clock::now();
  const std::string big(limits.max_bytes + 1, 'a');
  const std::string e1 = limit_error([&] { parse_markdown(big, 1, limits); });
  const double s1 = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  check(e1.find("too large") != std::string::npos, "over max_bytes: " + e1);
  check(s1 < 0.5, "refused quickly");

  // 4. CVE-2023-22486 (`![[]()` repeated), 1 MiB: quadratic in cmark-gfm
  //    0.29.0.gfm.6; the budget ends it.
  const std::string bomb = repeat("![[]()", 1 << 20);
  const auto t1 = std::chrono::steady_clock::now();
  const std::string e2 = limit_error([&] { parse_markdown(bomb, 1, limits); });
  const double s2 = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  check(e2.find("too complex") != std::string::npos, "pathological body: " + e2);
  check(s2 < limits.wall_seconds, "ended by the budget, in " + std::to_string(s2) + " s");

  // 5. Memory: 1 MiB of `[` makes cmark-gfm allocate far more than 64 MiB.
  //    (No address-space limit under AddressSanitizer: nothing to check there.)
#if !defined(__SANITIZE_ADDRESS__)
  const std::string brackets(1 << 20, '[');
  const std::string e3 = limit_error([&] { parse_markdown(brackets, 1, limits); });
  check(!e3.empty(), "memory-hungry body: " + (e3.empty() ? std::string("no error") : e3));
#endif

  // 6. Without isolation, the same call parses in process (fuzzers, benchmarks).
  MarkdownLimits open = limits;
  open.isolate = false;
  check(same(parse_markdown(benign, 7, open), direct), "isolate=false parses in process");

  // 7. Deeply nested emphasis in a heading: collected without recursion.
  const std::string deep = "# " + std::string(100000, '*') + "a" + std::string(100000, '*') + "\n";
  const Markdown d = parse_markdown_in_process(deep, 1);
  check(d.headings.size() == 1 && d.headings[0].text.find('a') != std::string::npos, "deep emphasis heading");

  std::printf("%s\n", failures ? "FAILED" : "all passed");
  return failures ? 1 : 0;
}
