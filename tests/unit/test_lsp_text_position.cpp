// Tests for src/lsp/text_position.cpp: UTF-16 positions over UTF-8 text, file URIs.
#include <doctest/doctest.h>

#include "lsp/text_position.hpp"

using skillscore::lsp::LineTable;
using skillscore::lsp::path_of_uri;
using skillscore::lsp::Position;

TEST_SUITE("lsp/text_position") {
  TEST_CASE("lines break at LF, CRLF and CR") {
    const std::string t = "ab\r\ncd\ref\ngh";
    const LineTable lines(t);
    CHECK(lines.line_count() == 4);
    CHECK(lines.position_of(4).line == 1);
    CHECK(lines.position_of(7).line == 2);
    CHECK(lines.offset_of({3, 1}) == t.size() - 1);
    CHECK(lines.offset_of({0, 99}) == 2);  // clamped to the line's end, before its CRLF
    CHECK(lines.offset_of({9, 0}) == t.size());
  }

  TEST_CASE("characters are UTF-16 code units") {
    const std::string t = "é😀x\n";  // 2 + 4 + 1 bytes; 1 + 2 + 1 units
    const LineTable lines(t);
    CHECK(lines.line_length(0) == 4);
    CHECK(lines.position_of(6).character == 3);
    CHECK(lines.offset_of({0, 3}) == 6);
    CHECK(lines.character_of(0, 2) == 3);  // two code points: é and the emoji
  }

  TEST_CASE("file URIs, percent-decoded; other schemes give no path") {
    CHECK(path_of_uri("file:///home/a%20b/SKILL.md") == "/home/a b/SKILL.md");
    CHECK(path_of_uri("file://localhost/x/SKILL.md") == "/x/SKILL.md");
    CHECK(path_of_uri("untitled:Untitled-1").empty());
    CHECK(path_of_uri("file://otherhost/x").empty());
  }
}
