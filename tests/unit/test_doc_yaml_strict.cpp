// Tests for the strictyaml reading of src/doc/yaml_loader.cpp (the agentskills
// validator's YAML): scalars are strings, surprising YAML is an error.
#include <doctest/doctest.h>

#include "skillscore/doc/yaml_loader.hpp"

using namespace skillscore::doc;

namespace {
YamlLoadResult strict(const char* text) { return load_yaml(text, {}, YamlDialect::StrictYaml); }
}  // namespace

TEST_SUITE("doc/yaml_strict") {
  TEST_CASE("every scalar is its text") {
    const auto r = strict("name: no\nversion: 010\nwhen: 2024-13-01\nnothing:\ntilde: ~\n");
    REQUIRE(r.status == YamlStatus::Ok);
    CHECK(r.value.get("name")->text == "no");
    CHECK(r.value.get("version")->text == "010");
    CHECK(r.value.get("when")->text == "2024-13-01");  // no date, so no crash
    CHECK(r.value.get("nothing")->type == PyType::Str);
    CHECK(r.value.get("nothing")->text.empty());
    CHECK(r.value.get("tilde")->text == "~");
  }

  TEST_CASE("flow collections, tags, aliases and duplicate keys are errors") {
    CHECK(strict("tags: [a, b]\n").status == YamlStatus::Error);
    CHECK(strict("meta: {a: 1}\n").status == YamlStatus::Error);
    CHECK(strict("name: !!str x\n").status == YamlStatus::Error);
    CHECK(strict("a: &x 1\nb: *x\n").status == YamlStatus::Error);
    CHECK(strict("name: a\nname: b\n").status == YamlStatus::Error);
    CHECK(strict("a:\n    b: 1\nc:\n  d: 2\n").status == YamlStatus::Error);  // inconsistent indentation
    // The same texts are fine for PyYAML.
    CHECK(load_yaml("tags: [a, b]\n").status == YamlStatus::Ok);
    CHECK(load_yaml("name: a\nname: b\n").status == YamlStatus::Ok);
  }

  TEST_CASE("a mapping, its keys and block lists are fine") {
    const auto r = strict("name: x\nmetadata:\n  a: 1\n  b: two\nlist:\n  - 1\n  - 2\n");
    REQUIRE(r.status == YamlStatus::Ok);
    CHECK(r.value.get("metadata")->get("a")->text == "1");
    CHECK(r.value.get("list")->items.size() == 2);
  }
}
