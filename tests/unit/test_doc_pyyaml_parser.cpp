// Tests for src/doc/pyyaml/parser.cpp: PyYAML's events and parser errors.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "doc/pyyaml/parser.hpp"

using namespace skillscore::doc::pyyaml;

namespace {

std::vector<Ev> events(const char* text) {
  Reader r(text);
  Scanner s(r);
  Parser p(s);
  std::vector<Ev> out;
  while (true) {
    const Event e = p.get();
    out.push_back(e.type);
    if (e.type == Ev::StreamEnd) return out;
  }
}

std::string parse_error(const char* text) {
  try {
    events(text);
  } catch (const Failure& f) {
    return f.message;
  }
  return "";
}

}  // namespace

TEST_SUITE("doc/pyyaml/parser") {
  TEST_CASE("empty flow entries and empty implicit keys are errors, as in PyYAML") {
    CHECK(parse_error("[a, , b]") == "expected the node content, but found ','");
    CHECK(parse_error("{a, , b}") == "expected the node content, but found ','");
    CHECK(parse_error(": x\n") == "end of map not found");  // PyYAML: expected <block end>, but found ':'
    CHECK(parse_error("a: 1\n: x\n") == "end of map not found");  // an empty key after a key, too
    CHECK(parse_error("[,]") == "expected the node content, but found ','");
  }

  TEST_CASE("a block mapping that does not end where it must") {
    CHECK(parse_error("a: 1\n- b\n") == "end of map not found");
    CHECK(parse_error("- a\nb: 1\n").find("expected <block end>, but found '?'") == 0);
  }

  TEST_CASE("'? a' as the last entry: a key with an empty value") {
    const auto e = events("b: 1\n? a\n");
    const std::vector<Ev> want = {Ev::StreamStart, Ev::DocumentStart, Ev::MappingStart, Ev::Scalar, Ev::Scalar,
                                  Ev::Scalar,      Ev::Scalar,        Ev::MappingEnd,   Ev::DocumentEnd,
                                  Ev::StreamEnd};
    CHECK(e == want);
  }

  TEST_CASE("the non-specific tag '!' makes a scalar resolve as a plain one") {
    Reader r("! 12");
    Scanner s(r);
    Parser p(s);
    p.get();
    p.get();
    const Event e = p.get();
    CHECK(e.type == Ev::Scalar);
    CHECK(e.tag == "!");
    CHECK(e.implicit_plain);
  }

  TEST_CASE("directives: %YAML 2.0 and undefined handles") {
    CHECK(parse_error("%YAML 2.0\n---\na\n") == "found incompatible YAML document (version 1.* is required)");
    CHECK(parse_error("a: !e!x 1\n") == "found undefined tag handle '!e!'");
    CHECK(parse_error("%TAG !e! tag:x,1:\n---\na: !e!x 1\n") == "");
  }
}
