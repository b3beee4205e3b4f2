// Token counts against the reference implementation (js-tiktoken 1.0.21 under
// node, tests/cli/tokenizer_reference_test.py runs it on many more texts):
// every expected count below was printed by it, not by skillscore.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "skillscore/util/bpe.hpp"

using skillscore::util::count_tokens;
using skillscore::util::Encoding;

namespace {

struct Known {
  const char* text;
  std::size_t o200k, cl100k;
};

// From: node -e 'getEncoding(e).encode(t, [], []).length' (js-tiktoken 1.0.21).
const Known k_known[] = {
    {"hello world", 2, 2},
    {"Hello, World! It's 2024.\n\n  indented   text", 14, 15},
    {"日本語のテキスト 🎉👨‍👩‍👧", 16, 24},
    {"    \n\n\t x", 3, 3},
    {"'S'LL ABCdef DEFgh", 7, 7},
    {"<|endoftext|> ok", 8, 8},
    {"", 0, 0},
    {"a\xcc\x81" "bc \xc3\x89" "crire", 5, 5},
};

}  // namespace

TEST_SUITE("util/bpe") {
  TEST_CASE("counts match the reference implementation") {
    for (const auto& k : k_known) {
      CAPTURE(k.text);
      CHECK(count_tokens(Encoding::O200kBase, k.text) == k.o200k);
      CHECK(count_tokens(Encoding::Cl100kBase, k.text) == k.cl100k);
    }
  }

  TEST_CASE("a long run of one byte merges in O(n log n) and stays exact") {
    // 100,000 spaces are one piece; a quadratic merge would take minutes.
    const std::string spaces(100000, ' ');
    const auto n = count_tokens(Encoding::O200kBase, spaces);
    CHECK(n > 0);
    CHECK(n < spaces.size() / 8);
  }

  TEST_CASE("encode gives one id per counted token, each a rank") {
    const std::string text = "Use when the user asks for a PDF form to be filled.";
    const auto ids = skillscore::util::encode(Encoding::Cl100kBase, text);
    CHECK(ids.size() == count_tokens(Encoding::Cl100kBase, text));
    for (auto id : ids) CHECK(id < 100256u);
  }

  TEST_CASE("pre-tokenizer pieces cover the text in order") {
    const std::string text = "Don't  stop\r\n\r\n  CamelCase123456 //path/ ";
    for (auto e : {Encoding::O200kBase, Encoding::Cl100kBase}) {
      std::vector<skillscore::util::Span> pieces;
      skillscore::util::pretokenize(e, text, pieces);
      REQUIRE(!pieces.empty());
      CHECK(pieces.front().begin == 0);
      CHECK(pieces.back().end == text.size());
      for (std::size_t i = 1; i < pieces.size(); ++i) CHECK(pieces[i].begin == pieces[i - 1].end);
    }
  }

  TEST_CASE("encoding names") {
    CHECK(skillscore::util::encoding_from_name("o200k_base") == Encoding::O200kBase);
    CHECK(skillscore::util::encoding_from_name("cl100k_base") == Encoding::Cl100kBase);
    CHECK_FALSE(skillscore::util::encoding_from_name("gpt2").has_value());
    CHECK(skillscore::util::encoding_name(Encoding::Cl100kBase) == "cl100k_base");
  }
}
