// Tests for src/doc/pyyaml/constructor.cpp and scalars.cpp: SafeConstructor.
#include <doctest/doctest.h>

#include <string>

#include "doc/pyyaml/load.hpp"

using namespace skillscore::doc;

namespace {

std::string load(const std::string& text) {
  const auto r = pyyaml::safe_load(text, {});
  if (r.status == YamlStatus::Ok) return py_repr(r.value);
  const char* kind = r.status == YamlStatus::Error ? "ERROR " : r.status == YamlStatus::Limit ? "LIMIT " : "CRASH ";
  return kind + r.message;
}

}  // namespace

TEST_SUITE("doc/pyyaml/constructor") {
  TEST_CASE("recursive values print as Python prints them") {
    CHECK(load("a: &a [*a]\n") == "{'a': [[...]]}");
    CHECK(load("a: &a {x: *a}\n") == "{'a': {'x': {...}}}");
    CHECK(load("metadata: &meta\n  version: 1\n  history: *meta\n") ==
          "{'metadata': {'version': 1, 'history': {...}}}");
    CHECK(load("a: &a !!omap [{x: *a}]\n") == "{'a': [('x', [...])]}");
  }

  // Expected texts from Python 3.11 + PyYAML 6: str(d.get('description')) and
  // d['metadata'].get('skill_id') where those keys are aliases to the frontmatter itself.
  TEST_CASE("a value that is an alias to its ancestor reads as that object") {
    const auto top = pyyaml::safe_load("&r\nname: x\ndescription: *r\nmetadata: *r\nskill_id: 1\n", {});
    REQUIRE(top.status == YamlStatus::Ok);
    const PyValue* desc = top.value.get("description");
    REQUIRE(desc);
    CHECK(desc->type == PyType::Ref);
    CHECK(py_str(*desc) == "{'name': 'x', 'description': {...}, 'metadata': {...}, 'skill_id': 1}");
    const PyValue* meta = top.value.get("metadata");
    REQUIRE(meta);
    CHECK(meta->is_map());
    const PyValue* id = meta->get("skill_id");
    REQUIRE(id);
    CHECK(py_str(*id) == "1");
    // Inside the printed object its own alias still prints as {...}.
    CHECK(py_repr(top.value) == "{'name': 'x', 'description': {...}, 'metadata': {...}, 'skill_id': 1}");

    const auto flow = pyyaml::safe_load("&r {name: x, description: *r}\n", {});
    REQUIRE(flow.status == YamlStatus::Ok);
    CHECK(py_str(*flow.value.get("description")) == "{'name': 'x', 'description': {...}}");
    // An alias met below the top of its own walk: the walk starts at the object.
    const auto nested = pyyaml::safe_load("m: &m {x: {y: *m}}\ndescription: *m\n", {});
    CHECK(py_str(*nested.value.get("description")) == "{'x': {'y': {...}}}");
    const auto list = pyyaml::safe_load("d: &d [1, [*d]]\ndescription: *d\n", {});
    CHECK(py_str(*list.value.get("description")) == "[1, [[...]]]");
  }

  TEST_CASE("binary, set, omap, pairs") {
    CHECK(load("a: !!binary aGVsbG8=\n") == "{'a': b'hello'}");
    CHECK(load("a: !!binary J2Ei\n") == "{'a': b'\\'a\"'}");
    CHECK(load("a: !!binary a\n").find("ERROR failed to decode base64 data: Invalid base64-encoded string") == 0);
    CHECK(load("a: !!binary aGk\n") == "ERROR failed to decode base64 data: Incorrect padding");
    CHECK(load("a: !!set {x, y: 1}\n") == "{'a': {'x', 'y'}}");
    CHECK(load("a: !!set {}\n") == "{'a': set()}");
    CHECK(load("a: !!pairs [{a: 1}, {a: 2}]\n") == "{'a': [('a', 1), ('a', 2)]}");
    CHECK(load("a: !!omap [{a: 1, b: 2}]\n") == "ERROR expected a single mapping item, but found 2 items");
  }

  TEST_CASE("merge keys, explicit or implicit, in flatten_mapping's order") {
    CHECK(load("b: &b {x: 1}\nm:\n  !!merge <<: *b\n") == "{'b': {'x': 1}, 'm': {'x': 1}}");
    CHECK(load("m: {<<: [{a: 1}, {a: 2, b: 3}], a: 0}\n") == "{'m': {'a': 0, 'b': 3}}");
    CHECK(load("m: &m {a: 1, <<: *m}\n") == "{'m': {'a': 1}}");
    CHECK(load("m: {'<<': {a: 1}}\n") == "{'m': {'<<': {'a': 1}}}");
    CHECK(load("m: {<<: 1}\n").find("ERROR expected a mapping or list of mappings for merging") == 0);
  }

  TEST_CASE("!!int and !!float convert as Python's int() and float() do") {
    CHECK(load("a: !!int 0o17\n") == "{'a': 15}");
    CHECK(load("a: !!int \" 12 \"\n") == "{'a': 12}");
    CHECK(load("a: !!int 1:30\n") == "{'a': 90}");
    CHECK(load("a: !!int 09\n").find("CRASH ValueError") == 0);
    CHECK(load("a: !!int \"\"\n").find("CRASH IndexError") == 0);
    CHECK(load("a: !!float 1\n") == "{'a': 1.0}");
    CHECK(load("a: !!float inf\n") == "{'a': inf}");
    CHECK(load("a: !!float -0\n") == "{'a': -0.0}");
    CHECK(load("a: !!float abc\n").find("CRASH ValueError") == 0);
    CHECK(load("a: !!bool 1\n").find("CRASH KeyError") == 0);
    CHECK(load("a: !!timestamp x\n").find("CRASH AttributeError") == 0);
    // Python 3.11 + PyYAML 6: Unicode decimal digits and spaces, negative sexagesimal parts.
    CHECK(load("a: !!int \u0661\u0662\n") == "{'a': 12}");              // Arabic-Indic
    CHECK(load("a: !!int \U0001D7D9\U0001D7DA\n") == "{'a': 12}");      // mathematical double-struck
    CHECK(load("a: !!int 1:\u0663\u0660\n") == "{'a': 90}");
    CHECK(load("a: !!float \uFF11.\uFF15\n") == "{'a': 1.5}");          // fullwidth
    CHECK(load("a: !!int 1:-30\n") == "{'a': 30}");
    CHECK(load("a: !!int 1:-30:-5\n") == "{'a': 1795}");
    CHECK(load("a: !!int -1:-70\n") == "{'a': 10}");
    CHECK(load("a: !!int -1:30\n") == "{'a': -90}");
    CHECK(load("a: !!int \uFF31\n").find("CRASH ValueError: invalid literal for int() with base 10: '\uFF31'") == 0);
  }

  TEST_CASE("keys: Python's equality (1 == 1.0 == True), unhashable collections") {
    CHECK(load("1: a\n1.0: b\ntrue: c\n") == "{1: 'c'}");
    CHECK(load("? [a]\n: 1\n") == "ERROR found unhashable key");
    CHECK(load(".nan: 1\n.NaN: 2\n") == "{nan: 2}");
  }

  TEST_CASE("tags safe_load has no constructor for") {
    CHECK(load("a: !foo x\n") == "ERROR could not determine a constructor for the tag '!foo'");
    CHECK(load("a: =\n") == "ERROR could not determine a constructor for the tag 'tag:yaml.org,2002:value'");
    CHECK(load("a: !!str [1]\n") == "ERROR expected a scalar node, but found sequence");
    CHECK(load("a: !!str {=: x}\n") == "{'a': 'x'}");
  }

  TEST_CASE("shared values beyond skillscore's limit say so") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'h'; ++c) {
      bomb += std::string(1, c) + ": &" + c + " [";
      for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
      bomb += "]\n";
    }
    CHECK(load(bomb).find("LIMIT skillscore's limit") == 0);
  }
}
