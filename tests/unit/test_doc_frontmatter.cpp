// Tests for src/doc/frontmatter.cpp. ReferenceSplit expectations are what the
// reference computes: text.startswith("---"), text.split("---", 2),
// yaml.safe_load(parts[1]) or {}, body = parts[2].strip() (run in python3).
#include <doctest/doctest.h>

#include <string>

#include "skillscore/doc/frontmatter.hpp"

using namespace skillscore::doc;

namespace {
FrontmatterSplit split_ref(std::string_view t) { return split_frontmatter(t, FrontmatterMode::ReferenceSplit); }
FrontmatterSplit split_delim(std::string_view t) { return split_frontmatter(t, FrontmatterMode::DelimitedLines); }
Frontmatter load(std::string_view t) { return load_frontmatter(split_ref(t), 1); }
}  // namespace

TEST_SUITE("doc/frontmatter") {
  TEST_CASE("ReferenceSplit: an ordinary frontmatter") {
    const std::string text = "---\nname: x\n---\n\n# Title\n";
    const auto s = split_ref(text);
    CHECK(s.present);
    CHECK(s.yaml == "\nname: x\n");
    CHECK(s.yaml_offset == 3);
    CHECK(s.body == "# Title");
    CHECK(s.body_offset == text.find('#'));
  }

  TEST_CASE("ReferenceSplit: '---' in the middle of a line counts") {
    // split gives ['', '\nname: a', 'b\n---\nbody\n']
    const auto s = split_ref("---\nname: a---b\n---\nbody\n");
    CHECK(s.present);
    CHECK(s.yaml == "\nname: a");
    CHECK(s.body == "b\n---\nbody");
  }

  TEST_CASE("ReferenceSplit: fewer than 3 parts keeps the body unstripped") {
    const std::string text = "---\nname: x\nno close\n  ";
    const auto s = split_ref(text);
    CHECK_FALSE(s.present);
    CHECK(s.body == text);
    CHECK(s.body_offset == 0);
  }

  TEST_CASE("ReferenceSplit: the body is stripped of Unicode whitespace") {
    // parts[2] == '\n\xa0\u3000\n## Overview\n\u2028' -> strip() == '## Overview'
    const auto s = split_ref("---\nname: x\n---\n\xC2\xA0\xE3\x80\x80\n## Overview\n\xE2\x80\xA8");
    CHECK(s.body == "## Overview");
  }

  TEST_CASE("ReferenceSplit: a BOM means no frontmatter") {
    const std::string text = "\xEF\xBB\xBF---\nname: x\n---\nbody";
    const auto s = split_ref(text);
    CHECK_FALSE(s.present);
    CHECK(s.body == text);
    CHECK(load(text).state == FrontmatterState::Absent);
  }

  TEST_CASE("DelimitedLines: only whole '---' lines delimit") {
    const std::string text = "---\nname: a---b\n---  \nBody\n";
    const auto s = split_delim(text);
    CHECK(s.present);
    CHECK(s.yaml == "name: a---b\n");
    CHECK(s.yaml_offset == 4);
    CHECK(s.body == "Body\n");  // not stripped in this mode
    CHECK(s.body_offset == text.find("Body"));
    CHECK_FALSE(split_delim("----\nname: x\n----\nBody").present);
    CHECK_FALSE(split_delim("---\nname: x\nno closing line\n").present);
    CHECK_FALSE(split_delim("text\n---\nname: x\n---\n").present);
  }

  TEST_CASE("load_frontmatter: a mapping, with key lines in the file") {
    const auto fm = load("---\nname: x\ndescription: Use when y\n---\nbody");
    CHECK(fm.state == FrontmatterState::Loaded);
    CHECK(fm.data.get("name")->text == "x");
    CHECK(fm.key_line("name") == std::optional<std::size_t>(2));
    CHECK(fm.key_line("description") == std::optional<std::size_t>(3));
    CHECK_FALSE(fm.key_line("metadata").has_value());
  }

  TEST_CASE("load_frontmatter: key lines are offset by the first YAML line") {
    const auto fm = load_frontmatter(split_delim("---\na: 1\nb: 2\n---\n"), 2);
    CHECK(fm.key_line("b") == std::optional<std::size_t>(3));
  }

  TEST_CASE("load_frontmatter: falsy top-level values load as {}") {
    // `yaml.safe_load(...) or {}`
    for (const char* text : {"---\n---\nbody", "---\n0\n---\nbody", "---\n[]\n---\nb", "---\n''\n---\nb", "---\nfalse\n---\nb"}) {
      CAPTURE(text);
      const auto fm = load(text);
      CHECK(fm.state == FrontmatterState::Loaded);
      CHECK(fm.data.is_map());
      CHECK(fm.data.entries.empty());
    }
  }

  TEST_CASE("load_frontmatter: a list or a string is Unusable (the reference crashes)") {
    const auto list = load("---\n- a\n- b\n---\nbody");
    CHECK(list.state == FrontmatterState::Unusable);
    CHECK(list.data.is_map());
    CHECK(list.data.entries.empty());
    CHECK(list.message.find("list") != std::string::npos);
    CHECK(load("---\njust text\n---\nbody").state == FrontmatterState::Unusable);
  }

  TEST_CASE("load_frontmatter: YAML errors and crashes") {
    const auto err = load("---\nname: x\ndescription:\tbad\n---\nbody");
    CHECK(err.state == FrontmatterState::YamlError);
    CHECK(err.line == 3);
    CHECK(err.data.entries.empty());
    const auto crash = load("---\nname: x\nlast_reviewed: 2024-13-01\n---\nbody");
    CHECK(crash.state == FrontmatterState::Unusable);
    CHECK(crash.line == 3);
    CHECK(crash.message.find("month") != std::string::npos);
  }
}
