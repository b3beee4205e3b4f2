// Tests for src/doc/markdown.cpp (cmark-gfm): headings, code blocks and links
// with their file lines, as CommonMark defines them.
#include <doctest/doctest.h>

#include <string>

#include "crash_guard.hpp"
#include "skillscore/doc/markdown.hpp"

using namespace skillscore::doc;
using skillscore::test::runs_without_crash;

namespace {
// Body lines 1..; with first_line 10, body line N is file line N + 9.
const std::string k_prose =
    "# Title\n"                                                           // 1
    "Text with [a link](references/guide.md) and ![img](img/x.png).\n"  // 2
    "\n"                                                                  // 3
    "## Use `grep` *now*\n"                                               // 4
    "\n"                                                                  // 5
    "Setext\n"                                                            // 6
    "------\n"                                                            // 7
    "See <https://example.com/x>.\n"                                      // 8
    "#NotAHeading\n";                                                     // 9

const std::string k_code =
    "Intro\n"                    // 1
    "\n"                         // 2
    "```python title=\"x\"\n"    // 3
    "print(1)\n"                 // 4
    "```\n"                      // 5
    "\n"                         // 6
    "~~~bash\n"                  // 7
    "echo hi\n"                  // 8
    "~~~\n"                      // 9
    "\n"                         // 10
    "    indented code\n"        // 11
    "    line 2\n"               // 12
    "\n"                         // 13
    "```\n"                      // 14
    "## inside code\n"           // 15
    "```\n";                     // 16
}  // namespace

TEST_SUITE("doc/markdown") {
  TEST_CASE("headings: levels, plain text and file lines") {
    const Markdown md = parse_markdown(k_prose, 10);
    REQUIRE(md.headings.size() == 3);
    CHECK(md.headings[0].level == 1);
    CHECK(md.headings[0].text == "Title");
    CHECK(md.headings[0].line == 10);
    CHECK(md.headings[1].level == 2);
    CHECK(md.headings[1].text == "Use grep now");  // inline code and emphasis flattened
    CHECK(md.headings[1].line == 13);
    CHECK(md.headings[2].level == 2);  // setext underline with '-'
    CHECK(md.headings[2].text == "Setext");
    CHECK(md.headings[2].line == 15);
  }

  TEST_CASE("links and images with their lines") {
    const Markdown md = parse_markdown(k_prose, 10);
    REQUIRE(md.links.size() == 3);
    CHECK(md.links[0].url == "references/guide.md");
    CHECK_FALSE(md.links[0].image);
    CHECK(md.links[0].line == 11);
    CHECK(md.links[1].url == "img/x.png");
    CHECK(md.links[1].image);
    CHECK(md.links[1].line == 11);
    CHECK(md.links[2].url == "https://example.com/x");  // an autolink
    CHECK(md.links[2].line == 17);
    CHECK(md.code_blocks.empty());
  }

  TEST_CASE("code blocks: fences, info strings and indented blocks") {
    // Guarded: a crash here must fail this test, not the whole run.
    REQUIRE(runs_without_crash([] { parse_markdown(k_code, 20); }));
    const Markdown md = parse_markdown(k_code, 20);
    CHECK(md.headings.empty());  // '## inside code' is code
    REQUIRE(md.code_blocks.size() == 4);
    const CodeBlock& py = md.code_blocks[0];
    CHECK(py.fenced);
    CHECK(py.info == "python title=\"x\"");
    CHECK(py.language == "python");  // the first word of the info string
    CHECK(py.literal == "print(1)\n");
    CHECK(py.line == 22);
    CHECK(py.end_line == 24);
    const CodeBlock& sh = md.code_blocks[1];
    CHECK(sh.fenced);  // ~~~ fences are fences in CommonMark
    CHECK(sh.language == "bash");
    CHECK(sh.literal == "echo hi\n");
    CHECK(sh.line == 26);
    const CodeBlock& ind = md.code_blocks[2];
    CHECK_FALSE(ind.fenced);
    CHECK(ind.language.empty());
    CHECK(ind.literal == "indented code\nline 2\n");
    CHECK(ind.line == 30);
    CHECK(md.code_blocks[3].info.empty());
    CHECK(md.code_blocks[3].literal == "## inside code\n");
  }

  TEST_CASE("an unclosed fence runs to the end of the body") {
    REQUIRE(runs_without_crash([] { parse_markdown("text\n\n```sh\nls\n", 1); }));
    const Markdown md = parse_markdown("text\n\n```sh\nls\n", 1);
    REQUIRE(md.code_blocks.size() == 1);
    CHECK(md.code_blocks[0].language == "sh");
    CHECK(md.code_blocks[0].literal == "ls\n");
    CHECK(md.code_blocks[0].line == 3);
  }

  TEST_CASE("an empty body") {
    const Markdown md = parse_markdown("", 1);
    CHECK(md.headings.empty());
    CHECK(md.code_blocks.empty());
    CHECK(md.links.empty());
  }
}
