// Tests for src/doc/pyyaml/composer.cpp: anchors, aliases, and PyYAML's depth.
#include <doctest/doctest.h>

#include <string>

#include "doc/pyyaml/composer.hpp"

using namespace skillscore::doc::pyyaml;

namespace {

Graph compose(const std::string& text) {
  Reader r(text);
  Scanner s(r);
  Parser p(s);
  Composer c(p);
  return c.compose();
}

std::string compose_error(const std::string& text, FailureKind* kind = nullptr) {
  try {
    compose(text);
  } catch (const Failure& f) {
    if (kind) *kind = f.kind;
    return f.message;
  }
  return "";
}

}  // namespace

TEST_SUITE("doc/pyyaml/composer") {
  TEST_CASE("an alias to an ancestor shares the node: a cycle, not a copy") {
    const Graph g = compose("a: &a [*a]\n");
    const Node& root = g.nodes[g.root];
    const std::uint32_t seq = root.pairs[0].second;
    CHECK(g.nodes[seq].items.size() == 1);
    CHECK(g.nodes[seq].items[0] == seq);
  }

  TEST_CASE("duplicate anchors and undefined aliases are errors") {
    CHECK(compose_error("a: &x 1\nb: &x 2\n").find("found duplicate anchor 'x'") == 0);
    CHECK(compose_error("a: *x\n") == "found undefined alias 'x'");
    CHECK(compose_error("a: 1\n--- \nb: 2\n").find("expected a single document") == 0);
  }

  TEST_CASE("the resolver: plain scalars typed, quoted ones str, '!' resolved as plain") {
    const Graph g = compose("[12, '12', ! 12, ! '12', <<, =, 2024-01-01, ~]");
    const auto& items = g.nodes[g.root].items;
    CHECK(g.nodes[items[0]].tag == "tag:yaml.org,2002:int");
    CHECK(g.nodes[items[1]].tag == "tag:yaml.org,2002:str");
    CHECK(g.nodes[items[2]].tag == "tag:yaml.org,2002:int");
    CHECK(g.nodes[items[3]].tag == "tag:yaml.org,2002:int");
    CHECK(g.nodes[items[4]].tag == "tag:yaml.org,2002:merge");
    CHECK(g.nodes[items[5]].tag == "tag:yaml.org,2002:value");
    CHECK(g.nodes[items[6]].tag == "tag:yaml.org,2002:timestamp");
    CHECK(g.nodes[items[7]].tag == "tag:yaml.org,2002:null");
  }

  TEST_CASE("nesting: where the reference's compose_node hits Python's recursion limit") {
    // Measured with the reference (refscore.py): "a: " + n '[' + "x" loads up to n = 490.
    auto flow = [](int n) { return "a: " + std::string(n, '[') + "x" + std::string(n, ']'); };
    CHECK(compose_error(flow(490)) == "");
    FailureKind kind = FailureKind::YamlError;
    CHECK(compose_error(flow(491), &kind).find("RecursionError") == 0);
    CHECK(kind == FailureKind::Crash);
    // Deep block mappings: 489 nested keys load, 490 do not.
    auto block = [](int n) {
      std::string s = "a:\n";
      for (int i = 1; i < n; ++i) s += std::string(i, ' ') + "b:\n";
      return s + std::string(n, ' ') + "c: x\n";
    };
    CHECK(compose_error(block(489)) == "");
    CHECK(compose_error(block(490)).find("RecursionError") == 0);
    // No stack overflow far beyond: the composer keeps its own stack.
    CHECK(compose_error(std::string(100000, '[')).find("RecursionError") == 0);
  }
}
