// Tests for src/doc/pyyaml/scanner*.cpp: PyYAML's tokens and scanner errors.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "doc/pyyaml/scanner.hpp"

using namespace skillscore::doc::pyyaml;

namespace {

std::vector<Tok> tokens(const char* text) {
  Reader r(text);
  Scanner s(r);
  std::vector<Tok> out;
  while (true) {
    const Token t = s.get();
    out.push_back(t.type);
    if (t.type == Tok::StreamEnd) return out;
  }
}

std::string scan_error(const char* text) {
  try {
    tokens(text);
  } catch (const Failure& f) {
    return f.message;
  }
  return "";
}

Token nth_scalar(const char* text, int n = 0) {
  Reader r(text);
  Scanner s(r);
  while (true) {
    Token t = s.get();
    if (t.type == Tok::Scalar && n-- == 0) return t;
    if (t.type == Tok::StreamEnd) return t;
  }
}

}  // namespace

TEST_SUITE("doc/pyyaml/scanner") {
  TEST_CASE("a simple key becomes KEY before its scalar, with a block mapping start") {
    const auto t = tokens("a: 1\n");
    const std::vector<Tok> want = {Tok::StreamStart, Tok::BlockMappingStart, Tok::Key, Tok::Scalar, Tok::Value,
                                   Tok::Scalar, Tok::BlockEnd, Tok::StreamEnd};
    CHECK(t == want);
  }

  TEST_CASE("{a:[]}: in flow context ':' before '[' ends the plain scalar") {
    const auto t = tokens("{a:[]}");
    const std::vector<Tok> want = {Tok::StreamStart, Tok::FlowMappingStart, Tok::Key, Tok::Scalar, Tok::Value,
                                   Tok::FlowSequenceStart, Tok::FlowSequenceEnd, Tok::FlowMappingEnd, Tok::StreamEnd};
    CHECK(t == want);
  }

  TEST_CASE("anchor names end at ':' and take only word characters") {
    CHECK(scan_error("&a:b x") == "");
    CHECK(scan_error("&a.b x").find("expected alphabetic or numeric character, but found '.'") == 0);
    CHECK(scan_error("*\xC3\xA9").find("expected alphabetic or numeric character") == 0);
  }

  TEST_CASE("double-quoted escapes: surrogates kept, \\N \\_ \\L \\P, and the refused ones") {
    CHECK(nth_scalar("\"\\ud83c\\udfaf\"").value == "\xED\xA0\xBC\xED\xBE\xAF");
    CHECK(nth_scalar("\"a\\Nb\\_c\"").value == "a\xC2\x85" "b\xC2\xA0" "c");
    CHECK(nth_scalar("\"\\L\\P\"").value == "\xE2\x80\xA8\xE2\x80\xA9");
    CHECK(scan_error("\"\\'\"") == "found unknown escape character \"'\"");
    CHECK(scan_error("\"\\x4\"").find("expected escape sequence of 2 hexadecimal numbers") == 0);
  }

  TEST_CASE("block scalars: indicators, a comment right after them, chomping") {
    CHECK(scan_error("|#c\n  x\n") == "expected chomping or indentation indicators, but found '#'");
    CHECK(nth_scalar("| #c\n  x\n").value == "x\n");
    CHECK(nth_scalar(">-\n  a\n  b\n").value == "a b");
    CHECK(nth_scalar("|+\n  x\n\n").value == "x\n\n");
    CHECK(scan_error("|0\n x\n").find("expected indentation indicator in the range 1-9") == 0);
  }

  TEST_CASE("PyYAML's refusals: tabs, a second-line key without ':', '%' indicators") {
    CHECK(scan_error("a:\tb\n") == "found character '\\t' that cannot start any token");
    CHECK(scan_error("\ta: b\n") == "found character '\\t' that cannot start any token");
    CHECK(scan_error("a: 1\nb\n") == "could not find expected ':'");
    CHECK(scan_error("a: @x\n") == "found character '@' that cannot start any token");
    CHECK(scan_error("a: b: c\n") == "mapping values are not allowed here");
  }

  TEST_CASE("a tag ends only at a space or a break: ']' is part of its URI") {
    Reader r("[!!str]");
    Scanner s(r);
    s.get();
    s.get();
    const Token tag = s.get();
    CHECK(tag.type == Tok::Tag);
    CHECK(tag.value == "str]");
  }

  TEST_CASE("NEL, LS and PS end plain scalars") {
    CHECK(nth_scalar("a\xE2\x80\xA8" "b").value == "a\xE2\x80\xA8" "b");  // LS folds as itself
    CHECK(nth_scalar("- a\xE2\x80\xA8- b", 1).value == "b");
    CHECK(scan_error("a\xE2\x80\xA8" "b: c") == "mapping values are not allowed here");
    CHECK(nth_scalar("x: a\xC2\x85  b", 1).value == "a b");
  }
}
