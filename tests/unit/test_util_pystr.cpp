// Tests for src/util/pystr.cpp against Python 3's str.isspace, str.strip,
// str.split and str.lower (values computed with python3).
#include <doctest/doctest.h>

#include <string>

#include "skillscore/util/pystr.hpp"

using namespace skillscore::util;

TEST_SUITE("util/pystr") {
  TEST_CASE("py_is_space follows str.isspace") {
    SUBCASE("ASCII") {
      for (char32_t cp : {U'\t', U'\n', U'\v', U'\f', U'\r', U' '}) CHECK(py_is_space(cp));
      // \x1c-\x1f are separators Python counts as whitespace.
      for (char32_t cp = 0x1C; cp <= 0x1F; ++cp) CHECK(py_is_space(cp));
      CHECK_FALSE(py_is_space(U'a'));
      CHECK_FALSE(py_is_space(0x00));
      CHECK_FALSE(py_is_space(0x08));
      CHECK_FALSE(py_is_space(0x1B));
    }
    SUBCASE("Unicode whitespace") {
      CHECK(py_is_space(0x85));    // NEL
      CHECK(py_is_space(0xA0));    // NBSP
      CHECK(py_is_space(0x1680));
      CHECK(py_is_space(0x2000));
      CHECK(py_is_space(0x200A));
      CHECK(py_is_space(0x2028));
      CHECK(py_is_space(0x2029));
      CHECK(py_is_space(0x202F));
      CHECK(py_is_space(0x205F));
      CHECK(py_is_space(0x3000));
    }
    SUBCASE("look-alikes that are not whitespace") {
      CHECK_FALSE(py_is_space(0x200B));  // ZERO WIDTH SPACE
      CHECK_FALSE(py_is_space(0x180E));  // MONGOLIAN VOWEL SEPARATOR (Cf since Unicode 6.3)
      CHECK_FALSE(py_is_space(0xFEFF));  // BOM
    }
  }

  TEST_CASE("py_strip strips Unicode whitespace on both ends") {
    // "\u3000\xa0 a b\u2028\x85".strip() == "a b"
    CHECK(py_strip("\xE3\x80\x80\xC2\xA0 a b\xE2\x80\xA8\xC2\x85") == "a b");
    // "\x1c\x1d\x1e\x1fword\x0b\x0c".strip() == "word"
    CHECK(py_strip("\x1C\x1D\x1E\x1Fword\x0B\x0C") == "word");
    // U+200B is kept: "\u200bx\u200b".strip() == "\u200bx\u200b"
    CHECK(py_strip("\xE2\x80\x8Bx\xE2\x80\x8B") == "\xE2\x80\x8Bx\xE2\x80\x8B");
    CHECK(py_strip("") == "");
    CHECK(py_strip(" \t\n ") == "");
    CHECK(py_strip("no-op") == "no-op");
    // Inner whitespace stays.
    CHECK(py_strip("  a\xC2\xA0\xC2\xA0" "b  ") == "a\xC2\xA0\xC2\xA0" "b");
  }

  TEST_CASE("py_strip returns a view into its argument") {
    const std::string s = "\xC2\xA0xyz\xC2\xA0";
    const auto v = py_strip(s);
    CHECK(v.data() == s.data() + 2);
    CHECK(v.size() == 3);
  }

  TEST_CASE("py_split_count is len(s.split())") {
    // "Use\xa0when\u3000writing  tests\u2003now".split() has 5 words
    CHECK(py_split_count("Use\xC2\xA0when\xE3\x80\x80writing  tests\xE2\x80\x83now") == 5);
    CHECK(py_split_count("") == 0);
    CHECK(py_split_count("   ") == 0);
    CHECK(py_split_count(" one ") == 1);
    // ZERO WIDTH SPACE does not split: "a\u200bb".split() == ["a\u200bb"]
    CHECK(py_split_count("a\xE2\x80\x8B" "b") == 1);
    CHECK(py_split_count("a\x1C" "b\xC2\x85" "c") == 3);  // U+001C and U+0085 split
  }

  TEST_CASE("py_lower_for_ascii_match agrees with str.lower() on ASCII") {
    CHECK(py_lower_for_ascii_match("Use When") == "use when");
    // KELVIN SIGN lower-cases to ASCII 'k'.
    CHECK(py_lower_for_ascii_match("\xE2\x84\xAA" "ey") == "key");
    // U+0130 lower-cases to "i\u0307", so "WRİTİNG" is not "writing".
    const std::string lowered = py_lower_for_ascii_match("WR\xC4\xB0T\xC4\xB0NG");
    CHECK(lowered == "wri\xCC\x87ti\xCC\x87ng");
    CHECK(lowered != "writing");
    // Other non-ASCII code points are kept (their lower-case is non-ASCII anyway).
    CHECK(py_lower_for_ascii_match("\xC3\x84X\xE1\xBA\x9E") == "\xC3\x84x\xE1\xBA\x9E");
  }

  TEST_CASE("is_ascii") {
    CHECK(is_ascii(""));
    CHECK(is_ascii("use when\x7F"));
    CHECK_FALSE(is_ascii("caf\xC3\xA9"));
  }

  TEST_CASE("ascii_lower lowers A-Z only") {
    std::string s = "Use WHEN \xC3\x89t\xC3\xA9 [Z]@";
    ascii_lower(s);
    CHECK(s == "use when \xC3\x89t\xC3\xA9 [z]@");  // É stays: not ASCII
  }
}
