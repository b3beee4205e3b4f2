// Tests for src/doc/yaml_loader.cpp: load_yaml must give what PyYAML's
// safe_load gives (checked with PyYAML 6), or an Error where safe_load raises
// a YAMLError, and never hang or overflow the stack.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "skillscore/doc/yaml_loader.hpp"

using namespace skillscore::doc;

TEST_SUITE("doc/yaml_loader") {
  TEST_CASE("a mapping loads with typed values and key lines") {
    const auto r = load_yaml("\nname: demo\ndescription: Use when testing\nmetadata:\n  version: 017\n  on: yes\n");
    REQUIRE(r.status == YamlStatus::Ok);
    REQUIRE(r.value.is_map());
    CHECK(r.value.entries.size() == 3);
    CHECK(r.value.get("name")->text == "demo");
    CHECK(r.value.get("description")->text == "Use when testing");
    const PyValue* md = r.value.get("metadata");
    REQUIRE(md != nullptr);
    CHECK(md->get("version")->type == PyType::Int);
    CHECK(md->get("version")->text == "15");
    // PyYAML: {'version': 15, True: True} -- the key 'on' is a bool too.
    REQUIRE(md->entries.size() == 2);
    CHECK(md->entries[1].first.type == PyType::Bool);
    CHECK(r.value.entry("description")->first.line == 3);
  }

  TEST_CASE("duplicate keys keep the last value, merge keys merge") {
    // PyYAML: {'a': 2}; {'base': {'x': 1}, 'm': {'x': 1, 'y': 2}}
    auto dup = load_yaml("a: 1\na: 2\n");
    REQUIRE(dup.status == YamlStatus::Ok);
    REQUIRE(dup.value.entries.size() == 1);
    CHECK(dup.value.get("a")->text == "2");
    auto merged = load_yaml("base: &b {x: 1}\nm:\n  <<: *b\n  y: 2\n");
    REQUIRE(merged.status == YamlStatus::Ok);
    CHECK(py_str(merged.value) == "{'base': {'x': 1}, 'm': {'x': 1, 'y': 2}}");
  }

  TEST_CASE("scalar styles, tags and comments") {
    // Each value is py_str() of what yaml.safe_load gives for "k: ...".
    const std::pair<const char*, const char*> cases[] = {
        {"k: 'it''s'\n", "it's"},
        {"k: |\n  line1\n  line2\n", "line1\nline2\n"},
        {"k: >-\n  a\n  b\n", "a b"},
        {"k: \"tab\\there\"\n", "tab\there"},
        {"k: [a, {b: c}]\n", "['a', {'b': 'c'}]"},
        {"k: !!str 017\n", "017"},
        {"k: a # comment\n", "a"},
        {"k: 2024-01-01T10:00:00Z\n", "2024-01-01 10:00:00+00:00"},
    };
    for (const auto& [yaml, expected] : cases) {
      CAPTURE(yaml);
      const auto r = load_yaml(yaml);
      REQUIRE(r.status == YamlStatus::Ok);
      REQUIRE(r.value.get("k") != nullptr);
      CHECK(py_str(*r.value.get("k")) == expected);
    }
  }

  TEST_CASE("YAML errors are Errors, with the line") {
    SUBCASE("': ' inside a plain value") {
      // PyYAML: ScannerError "mapping values are not allowed here", line 2
      const auto r = load_yaml("name: x\ndescription: a: b\n");
      CHECK(r.status == YamlStatus::Error);
      CHECK(r.line == 2);
      CHECK_FALSE(r.message.empty());
    }
    SUBCASE("tab after a key") {
      // PyYAML: "found character '\t' that cannot start any token", line 1
      const auto r = load_yaml("name:\tx\n");
      CHECK(r.status == YamlStatus::Error);
      CHECK(r.line == 1);
    }
    SUBCASE("a colon-less last line in a block mapping") {
      // PyYAML: "could not find expected ':'"
      const auto r = load_yaml("name: x\ndescription\n");
      CHECK(r.status == YamlStatus::Error);
      CHECK(r.line >= 2);
    }
    SUBCASE("a tab inside a plain value (PyYAML 6 refuses it)") {
      CHECK(load_yaml("description: a\tb\n").status == YamlStatus::Error);
    }
    SUBCASE("unterminated quotes") {
      CHECK(load_yaml("name: 'abc\n").status == YamlStatus::Error);
      CHECK(load_yaml("name: \"abc\n").status == YamlStatus::Error);
    }
    SUBCASE("a control character the PyYAML reader refuses") {
      const auto r = load_yaml("name: a\x01" "b\n");
      CHECK(r.status == YamlStatus::Error);
      CHECK(r.message.find("#x0001") != std::string::npos);
    }
  }

  TEST_CASE("non-mapping documents load as they are") {
    // The frontmatter layer decides what to do with them.
    const auto scalar = load_yaml("just text\n");
    REQUIRE(scalar.status == YamlStatus::Ok);
    CHECK(scalar.value.type == PyType::Str);
    CHECK(scalar.value.text == "just text");
    const auto list = load_yaml("- a\n- b\n");
    REQUIRE(list.status == YamlStatus::Ok);
    CHECK(py_str(list.value) == "['a', 'b']");
    const auto empty = load_yaml("");
    REQUIRE(empty.status == YamlStatus::Ok);
    CHECK(empty.value.type == PyType::None);
  }

  TEST_CASE("an impossible date is a Crash") {
    const auto r = load_yaml("last_reviewed: 2024-13-01\n");
    CHECK(r.status == YamlStatus::Crash);
    CHECK(r.line == 1);
  }

  // PyYAML loads it (its objects are shared, never expanded): skillscore's own
  // guard fires, and says so (SS002 with its limit title, not "the reference fails").
  TEST_CASE("an alias bomb is bounded: Limit, quickly") {
    std::string bomb = "a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 10; ++i) {
      const std::string prev = "*a" + std::to_string(i - 1);
      bomb += "a" + std::to_string(i) + ": &a" + std::to_string(i) + " [";
      for (int k = 0; k < 10; ++k) bomb += (k ? ", " : "") + prev;
      bomb += "]\n";
    }
    const auto start = std::chrono::steady_clock::now();
    const auto r = load_yaml(bomb);
    CHECK(r.status == YamlStatus::Limit);
    CHECK(r.message.find("skillscore's limit") == 0);
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(10));
  }

  TEST_CASE("deep flow nesting is a Crash, not a stack overflow") {
    const std::string deep = std::string(5000, '[') + std::string(5000, ']');
    CHECK(load_yaml(deep).status == YamlStatus::Crash);
    const std::string deep_map = "k: " + std::string(5000, '{') + std::string(5000, '}');
    CHECK(load_yaml(deep_map).status == YamlStatus::Crash);
    // Moderate nesting is fine.
    const auto ok = load_yaml(std::string(50, '[') + std::string(50, ']'));
    CHECK(ok.status == YamlStatus::Ok);
  }

  TEST_CASE("the node limit is configurable") {
    YamlLimits limits;
    limits.max_nodes = 3;
    CHECK(load_yaml("[1, 2, 3, 4]", limits).status == YamlStatus::Limit);
    CHECK(load_yaml("[1, 2]", limits).status == YamlStatus::Ok);
  }
}
