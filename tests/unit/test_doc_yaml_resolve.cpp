// Tests for src/doc/yaml_resolve.cpp against PyYAML 6 (yaml.safe_load("k: " + s)).
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <cmath>
#include <string>

#include "skillscore/doc/yaml_resolve.hpp"

using namespace skillscore::doc;

namespace {
PyValue build(ScalarTag tag, std::string_view s) {
  ScalarError err;
  auto v = construct_scalar(tag, s, err);
  REQUIRE_MESSAGE(v.has_value(), err.message);
  return *v;
}
PyValue plain(std::string_view s) { return build(resolve_plain_scalar(s), s); }
}  // namespace

TEST_SUITE("doc/yaml_resolve") {
  TEST_CASE("resolve_plain_scalar: YAML 1.1 booleans") {
    for (const char* s : {"yes", "Yes", "YES", "No", "on", "OFF", "true", "False"}) {
      CAPTURE(s);
      CHECK(resolve_plain_scalar(s) == ScalarTag::Bool);
    }
    // y / n are strings in PyYAML, and mixed case is not a bool.
    CHECK(resolve_plain_scalar("y") == ScalarTag::Str);
    CHECK(resolve_plain_scalar("n") == ScalarTag::Str);
    CHECK(resolve_plain_scalar("yEs") == ScalarTag::Str);
  }

  TEST_CASE("resolve_plain_scalar: numbers") {
    for (const char* s : {"0x1A", "017", "1_000", "190:20:30", "0b101", "+12", "-0x1f", "0", "0_7"}) {
      CAPTURE(s);
      CHECK(resolve_plain_scalar(s) == ScalarTag::Int);
    }
    for (const char* s : {"1.5", ".inf", "-.inf", ".NaN", "1.", "1.0e+5", "190:20:30.15"}) {
      CAPTURE(s);
      CHECK(resolve_plain_scalar(s) == ScalarTag::Float);
    }
    // Not numbers for PyYAML: "08"/"09" (bad octal), "1e5" (no dot), "0o17".
    for (const char* s : {"08", "09", "1e5", "0o17", "3.10.1"}) {
      CAPTURE(s);
      CHECK(resolve_plain_scalar(s) == ScalarTag::Str);
    }
  }

  TEST_CASE("resolve_plain_scalar: null, timestamp and the special keys") {
    for (const char* s : {"~", "null", "Null", "NULL", ""}) {
      CAPTURE(s);
      CHECK(resolve_plain_scalar(s) == ScalarTag::Null);
    }
    CHECK(resolve_plain_scalar("nULL") == ScalarTag::Str);
    CHECK(resolve_plain_scalar("2024-01-01") == ScalarTag::Timestamp);
    CHECK(resolve_plain_scalar("2024-01-01 10:00:00") == ScalarTag::Timestamp);
    CHECK(resolve_plain_scalar("2024-1-1") == ScalarTag::Str);  // the date-only form needs 2 digits
    CHECK(resolve_plain_scalar("<<") == ScalarTag::Merge);
    CHECK(resolve_plain_scalar("=") == ScalarTag::Value);
    CHECK(resolve_plain_scalar("Use when x") == ScalarTag::Str);
  }

  TEST_CASE("construct_scalar: ints are Python ints") {
    CHECK(plain("0x1A").text == "26");
    CHECK(plain("017").text == "15");  // octal, as in YAML 1.1
    CHECK(plain("1_000").text == "1000");
    CHECK(plain("190:20:30").text == "685230");
    CHECK(plain("1:30").text == "90");
    CHECK(plain("0b101").text == "5");
    CHECK(plain("-0x1f").text == "-31");
    CHECK(plain("+12").text == "12");
    CHECK(plain("0_7").text == "7");
    CHECK(plain("-0").text == "0");
    // Beyond 64 bits, exact: int("123456789012345678901234567890")
    CHECK(plain("123456789012345678901234567890").text == "123456789012345678901234567890");
    CHECK(plain("017").type == PyType::Int);
  }

  TEST_CASE("construct_scalar: floats, bools, null, str") {
    CHECK(plain("1.5").number == 1.5);
    CHECK(plain("1.").number == 1.0);
    CHECK(plain("1_000.5").number == 1000.5);
    CHECK(plain("190:20:30.15").number == 685230.15);
    CHECK(std::isinf(plain(".inf").number));
    CHECK(plain("-.inf").number < 0);
    CHECK(std::isnan(plain(".NaN").number));
    CHECK(plain("yes").boolean);
    CHECK_FALSE(plain("OFF").boolean);
    CHECK(plain("On").type == PyType::Bool);
    CHECK(plain("~").type == PyType::None);
    CHECK(plain("08").type == PyType::Str);
    CHECK(plain("08").text == "08");
  }

  TEST_CASE("construct_scalar: timestamps") {
    const PyValue d = plain("2024-01-01");
    CHECK(d.type == PyType::Date);
    CHECK(d.text == "2024-01-01");
    CHECK(plain("2024-02-29").text == "2024-02-29");  // leap year
    const PyValue dt = plain("2024-01-01 10:00:00");
    CHECK(dt.type == PyType::DateTime);
    CHECK(dt.text == "2024-01-01 10:00:00");
    CHECK(dt.repr_text == "datetime.datetime(2024, 1, 1, 10, 0)");
  }

  TEST_CASE("construct_scalar: impossible dates make the reference crash") {
    // PyYAML raises ValueError (not a YAMLError) for these.
    for (const char* s : {"2024-13-01", "2024-02-30", "2023-02-29"}) {
      CAPTURE(s);
      ScalarError err;
      CHECK_FALSE(construct_scalar(ScalarTag::Timestamp, s, err).has_value());
      CHECK(err.crash);
    }
    ScalarError err;
    construct_scalar(ScalarTag::Timestamp, "2024-13-01", err);
    CHECK(err.message.find("month must be in 1..12") != std::string::npos);
  }

  TEST_CASE("construct_scalar: merge and value tags are constructor errors, not crashes") {
    ScalarError err;
    CHECK_FALSE(construct_scalar(ScalarTag::Value, "=", err).has_value());
    CHECK_FALSE(err.crash);
    CHECK(err.message.find("tag:yaml.org,2002:value") != std::string::npos);
  }

  TEST_CASE("scalar_tag_from_name") {
    CHECK(scalar_tag_from_name("tag:yaml.org,2002:str") == ScalarTag::Str);
    CHECK(scalar_tag_from_name("tag:yaml.org,2002:int") == ScalarTag::Int);
    CHECK_FALSE(scalar_tag_from_name("tag:yaml.org,2002:binary").has_value());
    CHECK_FALSE(scalar_tag_from_name("!custom").has_value());
  }

  TEST_CASE("yaml_*_form: the same answers as RE2 on PyYAML's resolver patterns, on random texts") {
    // resolver.py's patterns as RE2 reads them (the slow path they replace).
    const RE2 bool_re("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
    const RE2 float_re(
        R"([-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?)"
        R"(|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?)"
        R"(|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)"
        R"(|[-+]?\.(?:inf|Inf|INF))"
        R"(|\.(?:nan|NaN|NAN))");
    const RE2 int_re(
        R"([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)"
        R"(|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)");
    const RE2 null_re("~|null|Null|NULL|");
    // Pieces the patterns are made of, and some that break them.
    const std::string pieces[] = {"0", "1", "5", "6", "7", "8", "9", "_", ".", ":", "-", "+", "e", "E", "b", "x",
                                  "a", "F", "g", " ", "inf", "Inf", "nan", "NaN", "NAN", "INF", "~", "null", "yes",
                                  "No", "TRUE", "off", "On", "01", "59", "60", "0x", "0b", ":3", "é", "1.", ".5", "e+1", "E-2", ":45", "3."};
    unsigned seed = 2024;
    auto next = [&seed] { return (seed = seed * 1103515245u + 12345u) >> 16; };
    int floats = 0, ints = 0, sexagesimal = 0;
    for (int round = 0; round < 60000; ++round) {
      std::string s;
      const unsigned n = next() % 7;
      for (unsigned k = 0; k < n; ++k) s += pieces[next() % std::size(pieces)];
      CHECK_MESSAGE(yaml_bool_form(s) == RE2::FullMatch(s, bool_re), s);
      CHECK_MESSAGE(yaml_float_form(s) == RE2::FullMatch(s, float_re), s);
      CHECK_MESSAGE(yaml_int_form(s) == RE2::FullMatch(s, int_re), s);
      CHECK_MESSAGE(yaml_null_form(s) == RE2::FullMatch(s, null_re), s);
      floats += yaml_float_form(s);
      ints += yaml_int_form(s);
      sexagesimal += yaml_int_form(s) && s.find(':') != std::string::npos;
    }
    // The texts reach the patterns' yes answers too, not only their no.
    MESSAGE("floats ", floats, ", ints ", ints, ", sexagesimal ints ", sexagesimal);
    CHECK(floats > 300);
    CHECK(ints > 300);
    CHECK(sexagesimal > 20);
  }
}
