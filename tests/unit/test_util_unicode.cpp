// Tests for src/util/unicode.cpp: NFKC and the lower-case test, with the
// results of Python 3.11 (unicodedata 14.0.0) as expectations.
#include <doctest/doctest.h>

#include <string>

#include "skillscore/util/unicode.hpp"

using skillscore::util::is_lower_stable;
using skillscore::util::nfkc;

TEST_SUITE("util/unicode") {
  TEST_CASE("nfkc matches unicodedata.normalize('NFKC', s)") {
    CHECK(nfkc("plain-ascii") == "plain-ascii");
    CHECK(nfkc("\xEF\xAC\x81le") == "file");                         // U+FB01 ligature
    CHECK(nfkc("\xEF\xBD\x81\xEF\xBD\x82\xEF\xBD\x83") == "abc");    // full-width
    CHECK(nfkc("\xE2\x85\xAB") == "XII");                            // U+216B ROMAN NUMERAL TWELVE
    CHECK(nfkc("e\xCC\x81") == "\xC3\xA9");                          // e + U+0301 composes to U+00E9
    CHECK(nfkc("x\xCC\x81") == "x\xCC\x81");                         // no precomposed form
    CHECK(nfkc("\xE1\x84\x80\xE1\x85\xA1\xE1\x86\xA8") == "\xEA\xB0\x81");  // Hangul L V T -> U+AC01
    CHECK(nfkc("\xE2\x84\xAB") == "\xC3\x85");                       // ANGSTROM SIGN -> U+00C5
    CHECK(nfkc("\xEF\xBC\x8D") == "-");                              // U+FF0D full-width hyphen-minus
    // q + dot above + dot below: canonical order puts below (220) before above (230).
    CHECK(nfkc("q\xCC\x87\xCC\xA3") == "q\xCC\xA3\xCC\x87");
    CHECK(nfkc("\xE3\x8D\xBF") == "\xE6\xA0\xAA\xE5\xBC\x8F\xE4\xBC\x9A\xE7\xA4\xBE");  // U+337F
  }

  TEST_CASE("is_lower_stable is s == s.lower()") {
    CHECK(is_lower_stable("my-skill-2"));
    CHECK_FALSE(is_lower_stable("My-skill"));
    CHECK(is_lower_stable("\xC3\x9F"));                  // ß has no lower-case change
    CHECK_FALSE(is_lower_stable("\xC4\xB0"));            // İ lower-cases to i + U+0307
    CHECK_FALSE(is_lower_stable("\xC7\x85"));            // ǅ (title case)
    CHECK(is_lower_stable("\xE6\x97\xA5\xE6\x9C\xAC"));  // 日本: no case
    CHECK(is_lower_stable("xii"));
    CHECK_FALSE(is_lower_stable("XII"));
  }

  TEST_CASE("needs_unicode_classes: letters, digits and spaces beyond ASCII, as Python's isalnum/isspace say") {
    CHECK_FALSE(skillscore::util::needs_unicode_classes(""));
    CHECK_FALSE(skillscore::util::needs_unicode_classes("plain ASCII text, 123, under_score and a long line of it"));
    // Symbols, punctuation and spaces beyond ASCII are not alphanumeric.
    CHECK_FALSE(skillscore::util::needs_unicode_classes("\xE2\x9C\x85 \xE2\x9D\x8C \xE2\x80\x94 \xE2\x86\x92 \xC3\x97 \xF0\x9F\x9A\x80"));
    CHECK_FALSE(skillscore::util::needs_unicode_classes("\xE2\x80\x8B"));  // ZERO WIDTH SPACE is not isspace()
    CHECK(skillscore::util::needs_unicode_classes("a\xC2\xA0" "b"));          // NO-BREAK SPACE
    CHECK(skillscore::util::needs_unicode_classes("\xC2\x85"));            // NEXT LINE
    CHECK(skillscore::util::needs_unicode_classes("\xE3\x80\x80"));        // IDEOGRAPHIC SPACE
    CHECK_FALSE(skillscore::util::needs_unicode_classes("\xCC\x81"));               // U+0301 combining acute (Mn)
    CHECK(skillscore::util::needs_unicode_classes("caf\xC3\xA9"));                  // é
    CHECK(skillscore::util::needs_unicode_classes("\xE6\x97\xA5"));                // 日
    CHECK(skillscore::util::needs_unicode_classes("\xD9\xA4"));                     // ARABIC-INDIC DIGIT FOUR (Nd)
    CHECK(skillscore::util::needs_unicode_classes("\xC2\xB2"));                     // SUPERSCRIPT TWO (No): isalnum, not \d
    CHECK(skillscore::util::needs_unicode_classes("\xE2\x84\xAA"));                // KELVIN SIGN (Lu)
    CHECK(skillscore::util::needs_unicode_classes("\xC2\xAA"));                     // FEMININE ORDINAL (Lo), the first
    // Found after a long ASCII run and after symbols.
    CHECK(skillscore::util::needs_unicode_classes(std::string(1000, 'a') + "\xE2\x9C\x85" + std::string(13, 'b') + "\xC3\xBC"));
  }
}
