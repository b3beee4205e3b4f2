// Tests for the code block store: every block reads back with the views and
// lines it was pushed with, packed or kept whole.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "../../src/rules/code_blocks.hpp"

using skillscore::rules::CodeBlocks;
using skillscore::rules::CodeBlockView;

namespace {

bool same(const CodeBlockView& a, const CodeBlockView& b) {
  return a.language.data() == b.language.data() && a.language.size() == b.language.size() &&
         a.code.data() == b.code.data() && a.code.size() == b.code.size() && a.code_line == b.code_line &&
         a.fence_line == b.fence_line;
}

}  // namespace

TEST_CASE("code blocks read back exactly, whether they pack or not") {
  const std::string text = "```python\nprint(1)\n```\n" + std::string(70000, 'x') + "\n```" +
                           std::string(300, 'l') + "\ncode\n```\n";
  const std::string elsewhere = "not in the text";
  const std::string_view t = text;
  std::vector<CodeBlockView> pushed = {
      {t.substr(3, 6), t.substr(10, 9), 2, 1},                   // an ordinary block: packs
      {std::string_view(), t.substr(10, 9), 2, 1},               // no language (a null view)
      {t.substr(10, 0), t.substr(10, 9), 2, 1},                  // an empty language that is not null
      {t.substr(3, 6), t.substr(10, 0), 2, 1},                   // empty code
      {t.substr(3, 6), std::string_view(), 2, 1},                // null code: kept whole
      {t.substr(3, 6), t.substr(text.size() - 10, 5), 9, 3},     // the language 64 KB or more before the code
      {t.substr(text.size() - 310, 300), t.substr(text.size() - 9, 5), 9, 8},  // a language over 255 bytes
      {t.substr(3, 6), t.substr(10, 9), 400, 1},                 // the fence 256 lines or more before the code
      {t.substr(3, 6), t.substr(10, 9), 1, 2},                   // the fence after the code's line
      {std::string_view(elsewhere).substr(0, 3), t.substr(10, 9), 2, 1},  // a language outside the text
      {t.substr(3, 6), std::string_view(elsewhere), 2, 1},       // code outside the text
      {t.substr(20, 3), t.substr(3, 6), 2, 2},                   // the language after the code
  };
  CodeBlocks packed(t);
  CodeBlocks whole;
  for (const auto& b : pushed) {
    packed.push_back(b);
    whole.push_back(b);
  }
  REQUIRE(packed.size() == pushed.size());
  REQUIRE(whole.size() == pushed.size());
  for (std::size_t i = 0; i < pushed.size(); ++i) {
    CAPTURE(i);
    CHECK(same(packed[i], pushed[i]));
    CHECK(same(whole[i], pushed[i]));
  }
  std::size_t n = 0;
  for (const auto& b : packed) CHECK(same(b, pushed[n++]));
  CHECK(n == pushed.size());
  CHECK(CodeBlocks(t).empty());
}
