// Tests for src/report/json_writer.cpp. Expected layouts are Python's
// json.dumps(obj, indent=2, ensure_ascii=False) and, for indent 0,
// json.dumps(obj, separators=(",", ":")).
#include <doctest/doctest.h>

#include <cstdio>

#include <cmath>
#include <nlohmann/json.hpp>
#include <string>

#include "skillscore/report/json_writer.hpp"

using skillscore::report::json_quote;
using skillscore::report::JsonWriter;

namespace {
void write_sample(JsonWriter& w) {
  // {"a": 1, "b": [1, 2], "c": {}, "d": [], "e": {"x": null}}
  w.begin_object();
  w.key("a").value(1);
  w.key("b").begin_array().value(1).value(2).end_array();
  w.key("c").begin_object().end_object();
  w.key("d").begin_array().end_array();
  w.key("e").begin_object().key("x").null().end_object();
  w.end_object();
}
}  // namespace

TEST_SUITE("report/json_writer") {
  TEST_CASE("pretty printing matches json.dumps(indent=2)") {
    JsonWriter w(2);
    write_sample(w);
    CHECK(w.str() ==
          "{\n  \"a\": 1,\n  \"b\": [\n    1,\n    2\n  ],\n  \"c\": {},\n  \"d\": [],\n"
          "  \"e\": {\n    \"x\": null\n  }\n}");
  }

  TEST_CASE("indent 0 writes one compact line") {
    JsonWriter w(0);
    write_sample(w);
    CHECK(w.str() == R"({"a":1,"b":[1,2],"c":{},"d":[],"e":{"x":null}})");
    CHECK(nlohmann::json::parse(w.str())["e"]["x"].is_null());
  }

  TEST_CASE("nested arrays of objects get their commas right") {
    JsonWriter w(0);
    w.begin_array();
    for (int i = 0; i < 3; ++i) w.begin_object().key("i").value(i).key("ok").value(i % 2 == 0).end_object();
    w.begin_array().begin_array().end_array().end_array();
    w.end_array();
    CHECK(w.str() == R"([{"i":0,"ok":true},{"i":1,"ok":false},{"i":2,"ok":true},[[]]])");
  }

  TEST_CASE("strings: quotes, backslashes and control characters are escaped") {
    // json.dumps('\x01"\\\n\t\b\f\r\x7f\x1f/é', ensure_ascii=False)
    CHECK(json_quote("\x01\"\\\n\t\b\f\r\x7f\x1f/\xC3\xA9") == "\"\\u0001\\\"\\\\\\n\\t\\b\\f\\r\x7f\\u001f/\xC3\xA9\"");
    CHECK(json_quote("") == "\"\"");
    const std::string nul(1, '\0');
    CHECK(json_quote(nul) == "\"\\u0000\"");
  }

  // The writer skips eight plain bytes at a time, before and between the
  // characters it escapes; this escapes one byte at a time.
  std::string reference(std::string_view s) {
    std::string out = "\"";
    for (char c : s) {
      const auto u = static_cast<unsigned char>(c);
      if (c == '"') out += "\\\"";
      else if (c == '\\') out += "\\\\";
      else if (c == '\n') out += "\\n";
      else if (c == '\t') out += "\\t";
      else if (u < 0x20) {
        char buf[8];
        std::snprintf(buf, sizeof buf, "\\u%04x", u);
        if (c == '\r') out += "\\r";
        else if (c == '\b') out += "\\b";
        else if (c == '\f') out += "\\f";
        else out += buf;
      } else out += c;
    }
    return out + "\"";
  }

  TEST_CASE("strings: every character to escape is found at every position of a word") {
    // A character to escape (or a byte beyond ASCII) at each offset of long
    // and short strings must still be seen.
    for (std::string special : {"\"", "\\", "\n", "\x01", "\x1f", "\xC3\xA9", " ", "\x7f"}) {
      for (std::size_t len = 0; len < 20; ++len) {
        for (std::size_t at = 0; at <= len; ++at) {
          std::string s(len, 'a');
          s.insert(at, special);
          CHECK_MESSAGE(json_quote(s) == reference(s), "special at ", at, " of ", len);
        }
      }
    }
  }

  TEST_CASE("strings: random texts with many characters to escape, as the one-byte escaper") {
    // Runs of every length between escapes, in words and across them.
    const std::string alphabet[] = {"a", "Z", " ", "\"", "\\", "\n", "\t", "\r", "\x01", "\x1f", "\x7f", "\xC3\xA9", "\xE2\x9C\x85"};
    unsigned seed = 12345;
    for (int round = 0; round < 2000; ++round) {
      std::string s;
      const unsigned len = (seed = seed * 1103515245u + 12345u) >> 16 & 63;
      for (unsigned k = 0; k < len; ++k) {
        seed = seed * 1103515245u + 12345u;
        const unsigned pick = (seed >> 16) % 40;  // plain letters most of the time
        s += pick < std::size(alphabet) ? alphabet[pick] : std::string(1, static_cast<char>('a' + pick % 26));
      }
      CHECK_MESSAGE(json_quote(s) == reference(s), "text ", round);
    }
  }

  TEST_CASE("invalid UTF-8 is replaced by U+FFFD") {
    CHECK(json_quote("caf\xE9") == "\"caf\xEF\xBF\xBD\"");
    JsonWriter w(0);
    w.begin_object().key("path\xFF").value("a\xC0\xAF" "b").end_object();
    const auto parsed = nlohmann::json::parse(w.str());  // nlohmann rejects invalid UTF-8
    CHECK(parsed.begin().key() == "path\xEF\xBF\xBD");
    CHECK(parsed.begin().value() == "a\xEF\xBF\xBD\xEF\xBF\xBD" "b");
  }

  TEST_CASE("numbers: floats as Python's repr, ints exact, non-finite as null") {
    JsonWriter w(0);
    w.begin_array()
        .value(0.1 + 0.2)
        .value(1e16)
        .value(1.0)
        .value(-0.0)
        .value(5e-324)
        .value(static_cast<std::int64_t>(-9007199254740993LL))
        .value(std::size_t{42})
        .value(HUGE_VAL)
        .value(std::nan(""))
        .end_array();
    CHECK(w.str() == "[0.30000000000000004,1e+16,1.0,-0.0,5e-324,-9007199254740993,42,null,null]");
  }

  TEST_CASE("raw inserts serialized JSON as a value") {
    JsonWriter w(0);
    w.begin_object().key("a").raw("[1,2]").key("b").value("x").end_object();
    CHECK(w.str() == R"({"a":[1,2],"b":"x"})");
    CHECK(w.take() == R"({"a":[1,2],"b":"x"})");
  }
}
