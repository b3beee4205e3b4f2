// Tests for src/doc/pyyaml/reader.cpp: PyYAML's Reader over a str.
#include <doctest/doctest.h>

#include "doc/pyyaml/reader.hpp"

using namespace skillscore::doc::pyyaml;

TEST_SUITE("doc/pyyaml/reader") {
  TEST_CASE("NEL, LS, PS and a lone CR break lines; CRLF counts once; a BOM takes no column") {
    Reader r("a\xC2\x85" "b\xE2\x80\xA8" "c\r\nd\re\xEF\xBB\xBF" "f");
    r.forward(2);
    CHECK(r.line() == 1);
    CHECK(r.column() == 0);
    r.forward(2);
    CHECK(r.line() == 2);
    r.forward(3);  // c \r \n
    CHECK(r.line() == 3);
    r.forward(2);  // d \r
    CHECK(r.line() == 4);
    r.forward(2);  // e BOM
    CHECK(r.column() == 1);
    CHECK(r.peek() == U'f');
    r.forward();
    CHECK(r.peek() == 0);  // the '\0' sentinel PyYAML appends
  }

  TEST_CASE("characters PyYAML's NON_PRINTABLE matches are refused with their code") {
    for (const char* bad : {"a\x01", "a\x7F", "a\xC2\x80", "\xEF\xBF\xBE", "x\n\x0B"}) {
      try {
        Reader r(bad);
        FAIL("accepted");
      } catch (const Failure& f) {
        CHECK(f.kind == FailureKind::YamlError);
        CHECK(f.message.find("unacceptable character #x") == 0);
      }
    }
    CHECK_NOTHROW(Reader("tab\there \xC2\x85 nbsp\xC2\xA0 emoji \xF0\x9F\x98\x80"));
  }

  TEST_CASE("byte columns for reports: bytes from the start of the '\\n' line") {
    Reader r("\xC3\xA9t\xC3\xA9: x");
    r.forward(5);
    CHECK(r.column() == 5);                // code points, as PyYAML counts
    CHECK(r.byte_column(r.mark()) == 8);   // bytes, as reports count
  }

  TEST_CASE("char_repr is Python's repr of one character") {
    CHECK(char_repr(U'\t') == "'\\t'");
    CHECK(char_repr(U'\'') == "\"'\"");
    CHECK(char_repr(U'a') == "'a'");
  }
}
