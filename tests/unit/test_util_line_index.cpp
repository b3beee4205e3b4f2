// Tests for src/util/line_index.cpp: 1-based lines and code-point columns.
#include <doctest/doctest.h>

#include <algorithm>
#include <random>
#include <string>

#include "skillscore/util/line_index.hpp"
#include "skillscore/util/newlines.hpp"

using skillscore::util::LineIndex;

TEST_SUITE("util/line_index") {
  TEST_CASE("lines of a text with a trailing newline") {
    const std::string text = "ab\ncd\n\nef\n";  // lines: "ab", "cd", "", "ef", ""
    const LineIndex idx(text);
    CHECK(idx.line_count() == 5);
    CHECK(idx.line_of(text, 0) == 1);
    CHECK(idx.line_of(text, 2) == 1);  // the '\n' belongs to its line
    CHECK(idx.line_of(text, 3) == 2);
    CHECK(idx.line_of(text, 6) == 3);
    CHECK(idx.line_of(text, 7) == 4);
    CHECK(idx.line_of(text, text.size()) == 5);  // offset == size: the last line
    CHECK(idx.line_start(text, 1) == 0);
    CHECK(idx.line_start(text, 2) == 3);
    CHECK(idx.line_start(text, 4) == 7);
  }

  TEST_CASE("a text without newline is one line") {
    const std::string text = "single";
    const LineIndex idx(text);
    CHECK(idx.line_count() == 1);
    CHECK(idx.line_of(text, 0) == 1);
    CHECK(idx.line_of(text, 6) == 1);
  }

  TEST_CASE("an empty text has one line") {
    const std::string text;
    const LineIndex idx(text);
    CHECK(idx.line_count() == 1);
    CHECK(idx.line_of(text, 0) == 1);
  }

  TEST_CASE("every offset of a long text, across the sparse index's stride, against a plain count") {
    std::string text;
    for (int i = 0; i < 200; ++i) text += std::string(static_cast<std::size_t>(i % 7), 'x') + (i % 5 ? "\n" : "\n\n");
    const LineIndex idx(text);
    std::size_t line = 1, start = 0;
    for (std::size_t off = 0; off <= text.size(); ++off) {
      CHECK(idx.line_of(text, off) == line);
      CHECK(idx.line_start(text, line) == start);
      if (off < text.size() && text[off] == '\n') {
        ++line;
        start = off + 1;
      }
    }
    CHECK(idx.line_count() == line);
  }

  TEST_CASE("lines of random lengths, over many counting blocks, against a plain count") {
    // Dense runs of empty lines and long lines alternate, so that blocks with
    // and without an indexed line start both occur.
    std::string text;
    unsigned seed = 7;
    for (int i = 0; i < 6000; ++i) {
      seed = seed * 1103515245u + 12345u;
      const std::size_t len = (seed >> 16) % 5 == 0 ? (seed >> 8) % 300 : 0;
      text += std::string(len, 'y') + "\n";
    }
    const LineIndex idx(text);
    std::size_t line = 1, start = 0;
    for (std::size_t off = 0; off <= text.size(); ++off) {
      REQUIRE(idx.line_of(text, off) == line);
      if (off == start) REQUIRE(idx.line_start(text, line) == start);
      if (off < text.size() && text[off] == '\n') {
        ++line;
        start = off + 1;
      }
    }
    CHECK(idx.line_count() == line);
  }

  TEST_CASE("columns count code points, not bytes") {
    // "é日x" on line 2: x is the 3rd code point (byte 5 of the line).
    const std::string text = "first\n\xC3\xA9\xE6\x97\xA5x\n";
    const LineIndex idx(text);
    const std::size_t x = text.find('x');
    CHECK(idx.line_of(text, x) == 2);
    CHECK(idx.column_of(text, x) == 3);
    CHECK(idx.column_of(text, 6) == 1);  // start of line 2
    CHECK(idx.column_of(text, 0) == 1);
    CHECK(idx.column_of(text, 4) == 5);
  }

  TEST_CASE("count_newlines agrees with std::count, at every length and alignment") {
    std::mt19937 rng(20261203);
    std::string text;
    // Long enough for a round of 255 blocks and a rest.
    for (int k = 0; k < 9000; ++k) text += (rng() % 3 == 0) ? '\n' : static_cast<char>('a' + rng() % 26);
    text.replace(100, 5000, 5000, '\n');  // byte lanes near their limit
    for (int t = 0; t < 300; ++t) {
      const std::size_t from = rng() % text.size();
      const std::size_t len = rng() % (text.size() - from + 1);
      const std::string_view s = std::string_view(text).substr(from, len);
      CHECK(skillscore::util::count_newlines(s) == static_cast<std::size_t>(std::count(s.begin(), s.end(), '\n')));
    }
    CHECK(skillscore::util::count_newlines(text) == static_cast<std::size_t>(std::count(text.begin(), text.end(), '\n')));
    CHECK(skillscore::util::count_newlines("") == 0u);
  }
}
