// Tests for src/util/utf8.cpp. Expected values come from Python 3:
// bytes.decode("utf-8") (UnicodeDecodeError.start), len(str) and
// bytes.decode("utf-8", "replace").
#include <doctest/doctest.h>

#include <string>

#include "skillscore/util/utf8.hpp"

using skillscore::util::append_utf8;
using skillscore::util::count_code_points;
using skillscore::util::decode_utf8;
using skillscore::util::find_invalid_utf8;
using skillscore::util::sanitize_utf8;

namespace {
const std::string k_fffd = "\xEF\xBF\xBD";
}

TEST_SUITE("util/utf8") {
  TEST_CASE("find_invalid_utf8 accepts what Python's codec accepts") {
    CHECK_FALSE(find_invalid_utf8("").has_value());
    CHECK_FALSE(find_invalid_utf8("plain ascii\n").has_value());
    CHECK_FALSE(find_invalid_utf8("h\xC3\xA9llo \xE6\x97\xA5 \xF0\x9F\x8E\x89").has_value());
    CHECK_FALSE(find_invalid_utf8("x\xED\x9F\xBF").has_value());       // U+D7FF, just below the surrogates
    CHECK_FALSE(find_invalid_utf8("\xF4\x8F\xBF\xBF").has_value());    // U+10FFFF
    CHECK_FALSE(find_invalid_utf8("\xEF\xBB\xBF---").has_value());     // a BOM is valid UTF-8
  }

  TEST_CASE("find_invalid_utf8 names the offset of the first bad sequence") {
    SUBCASE("overlong two-byte form") { CHECK(find_invalid_utf8("\xC0\xAF") == std::optional<std::size_t>(0)); }
    SUBCASE("overlong three-byte form after ASCII") {
      CHECK(find_invalid_utf8("ab\xE0\x80\xAF") == std::optional<std::size_t>(2));
    }
    SUBCASE("UTF-16 surrogate ED A0 80") {
      CHECK(find_invalid_utf8("\xED\xA0\x80") == std::optional<std::size_t>(0));
      CHECK(find_invalid_utf8("a\xED\xA0\x80" "b") == std::optional<std::size_t>(1));
    }
    SUBCASE("above U+10FFFF") {
      CHECK(find_invalid_utf8("\xF4\x90\x80\x80") == std::optional<std::size_t>(0));
      CHECK(find_invalid_utf8("\xF5\x80\x80\x80") == std::optional<std::size_t>(0));
    }
    SUBCASE("truncated sequences") {
      CHECK(find_invalid_utf8("abc\xE2\x82") == std::optional<std::size_t>(3));
      CHECK(find_invalid_utf8("ok\xC3") == std::optional<std::size_t>(2));
      CHECK(find_invalid_utf8("\xF0\x9F\x8E") == std::optional<std::size_t>(0));
    }
    SUBCASE("lone continuation byte and 0xFF") {
      CHECK(find_invalid_utf8("\x80") == std::optional<std::size_t>(0));
      CHECK(find_invalid_utf8("a\xFF" "b") == std::optional<std::size_t>(1));
    }
  }

  TEST_CASE("count_code_points is Python's len()") {
    CHECK(count_code_points("") == 0);
    CHECK(count_code_points("abc") == 3);
    CHECK(count_code_points("h\xC3\xA9llo\xE6\x97\xA5\xE6\x9C\xAC\xF0\x9F\x8E\x89") == 8);  // "héllo日本🎉"
    CHECK(count_code_points("\xC2\xA0\xE3\x80\x80") == 2);                                  // NBSP, U+3000
    // Long texts (16 bytes at a time, then the rest), built one code point
    // at a time: every prefix has as many code points as were appended.
    const char* const points[] = {"a", "\xC3\xA9", "\xE6\x97\xA5", "\xF0\x9F\x8E\x89", "\n", "\x7F"};
    std::string text;
    for (std::size_t n = 0; n < 300; ++n) {
      CHECK(count_code_points(text) == n);
      CHECK(count_code_points(std::string_view(text).substr(0, text.size())) == n);
      text += points[(n * 7 + n / 5) % 6];
    }
    // Past the 255 chunks a lane counts before the lanes are summed: every
    // byte a continuation but the leads, and an odd tail.
    std::string wide;
    for (int n = 0; n < 5000; ++n) wide += "\xF0\x9F\x8E\x89";
    CHECK(count_code_points(wide) == 5000);
    CHECK(count_code_points(wide + "ab\xC3\xA9") == 5003);
    CHECK(count_code_points(std::string(9000, '\x80')) == 0);
  }

  TEST_CASE("decode_utf8 and append_utf8 round-trip") {
    const char32_t cps[] = {U'A', 0xE9, 0x65E5, 0x1F389, 0x10FFFF};
    std::string s;
    for (char32_t cp : cps) append_utf8(s, cp);
    CHECK(s == "A\xC3\xA9\xE6\x97\xA5\xF0\x9F\x8E\x89\xF4\x8F\xBF\xBF");
    std::size_t pos = 0;
    for (char32_t cp : cps) CHECK(decode_utf8(s, pos) == cp);
    CHECK(pos == s.size());
  }

  TEST_CASE("sanitize_utf8 keeps valid text and replaces bad bytes with U+FFFD") {
    CHECK(sanitize_utf8("caf\xC3\xA9") == "caf\xC3\xA9");
    CHECK(sanitize_utf8("a\xFF" "b") == "a" + k_fffd + "b");
    // Python: b"a\xed\xa0\x80b".decode("utf-8", "replace") == "a\ufffd\ufffd\ufffdb"
    CHECK(sanitize_utf8("a\xED\xA0\x80" "b") == "a" + k_fffd + k_fffd + k_fffd + "b");
    // Windows-1252 "café": b"caf\xe9" -> "caf\ufffd"
    CHECK(sanitize_utf8("caf\xE9") == "caf" + k_fffd);
    CHECK_FALSE(find_invalid_utf8(sanitize_utf8("\xC0\xAF\xF5\x80")).has_value());
  }

  TEST_CASE("sanitize_utf8 replaces a truncated sequence once, as Python does") {
    // Python: b"a\xe2\x82b".decode("utf-8", "replace") == "a\ufffdb" (one
    // replacement for the maximal valid prefix of a sequence).
    CHECK(sanitize_utf8("a\xE2\x82" "b") == "a" + k_fffd + "b");
    // b"\xf0\x9f\x8e".decode("utf-8", "replace") == "\ufffd"
    CHECK(sanitize_utf8("\xF0\x9F\x8E") == k_fffd);
  }
}
