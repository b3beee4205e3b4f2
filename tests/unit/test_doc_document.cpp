// Tests for src/doc/document.cpp: reading bytes as Path.read_text(encoding=
// "utf-8") does, and a Document's body, lines and frontmatter.
#include <doctest/doctest.h>

#include <string>

#include "skillscore/doc/document.hpp"

using namespace skillscore::doc;

TEST_SUITE("doc/document") {
  TEST_CASE("decode_skill_text normalizes newlines and keeps a BOM") {
    std::string error;
    CHECK(decode_skill_text("a\r\nb\rc\n", error) == std::optional<std::string>("a\nb\nc\n"));
    CHECK(error.empty());
    CHECK(decode_skill_text("\xEF\xBB\xBF---\r\n", error) == std::optional<std::string>("\xEF\xBB\xBF---\n"));
  }

  TEST_CASE("decode_skill_text rejects invalid UTF-8, naming the byte and offset") {
    std::string error;
    // Windows-1252 "café": Python fails with "can't decode byte 0xe9 in position 3"
    CHECK_FALSE(decode_skill_text("caf\xE9 au lait", error).has_value());
    CHECK(error.find("0xe9") != std::string::npos);
    CHECK(error.find("offset 3") != std::string::npos);
    error.clear();
    CHECK_FALSE(decode_skill_text("ok\r\n\xED\xA0\x80", error).has_value());  // a surrogate
    CHECK(error.find("offset 4") != std::string::npos);
  }

  TEST_CASE("Document: body, its offset and its line") {
    const std::string text = "---\nname: x\n---\n\n## Overview\ntext\n";
    const Document d("skills/x/SKILL.md", text, FrontmatterMode::ReferenceSplit);
    CHECK(d.path() == "skills/x/SKILL.md");
    CHECK(d.text() == text);
    CHECK(d.body() == "## Overview\ntext");
    CHECK(d.body_offset() == 17);
    CHECK(d.line_of(d.body_offset()) == 5);
    CHECK(d.frontmatter().state == FrontmatterState::Loaded);
    CHECK(d.frontmatter().key_line("name") == std::optional<std::size_t>(2));
  }

  TEST_CASE("Document: the Markdown of the body keeps file line numbers") {
    const Document d("SKILL.md", "---\nname: x\n---\n\n## Overview\n\n### Pattern 1\n", FrontmatterMode::ReferenceSplit);
    const Markdown& md = d.markdown();
    REQUIRE(md.headings.size() == 2);
    CHECK(md.headings[0].text == "Overview");
    CHECK(md.headings[0].line == 5);
    CHECK(md.headings[1].line == 7);
    CHECK(&d.markdown() == &md);  // parsed once
  }

  TEST_CASE("Document: no frontmatter means the whole text is the body") {
    const std::string text = "# Title\n\nbody\n";
    const Document d("SKILL.md", text, FrontmatterMode::ReferenceSplit);
    CHECK(d.frontmatter().state == FrontmatterState::Absent);
    CHECK(d.body() == text);
    CHECK(d.body_offset() == 0);
  }

  TEST_CASE("Document: delimited-lines mode") {
    const Document d("SKILL.md", "---\nname: x\n---\nBody\n", FrontmatterMode::DelimitedLines);
    CHECK(d.body() == "Body\n");
    CHECK(d.line_of(d.body_offset()) == 4);
    CHECK(d.frontmatter().key_line("name") == std::optional<std::size_t>(2));
  }
}
