// Tests for src/rules/expr.cpp: parsing with type checks, and evaluation with
// Python's arithmetic and comparisons (expectations computed in python3).
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "skillscore/rules/expr.hpp"

using namespace skillscore::rules;

namespace {
// Metrics: a (int), b (float), flag (bool), s (string), big (int).
std::optional<Symbol> lookup(std::string_view name) {
  if (name == "a") return Symbol{0, ValueType::Int};
  if (name == "b") return Symbol{1, ValueType::Float};
  if (name == "flag") return Symbol{2, ValueType::Bool};
  if (name == "s") return Symbol{3, ValueType::String};
  if (name == "big") return Symbol{4, ValueType::Int};
  return std::nullopt;
}
const std::vector<Value> k_values = {Value::integer(7), Value::real(0.5), Value::boolean(true),
                                     Value::string("navigation_hub"), Value::integer(9007199254740993LL)};

Expr parse(std::string_view src) {
  std::string error;
  auto e = Expr::parse(src, lookup, error);
  REQUIRE_MESSAGE(e.has_value(), error);
  return *e;
}
Value eval(std::string_view src) { return parse(src).eval(k_values); }
std::string parse_error(std::string_view src) {
  std::string error;
  CHECK_FALSE(Expr::parse(src, lookup, error).has_value());
  return error;
}
}  // namespace

TEST_SUITE("rules/expr") {
  TEST_CASE("precedence and associativity") {
    CHECK(eval("2 + 3 * 4").i == 14);
    CHECK(eval("(2 + 3) * 4").i == 20);
    CHECK(eval("10 - 2 - 3").i == 5);
    CHECK(eval("-2 * 3").i == -6);
    CHECK(eval("1 - -2").i == 3);
    CHECK(eval("!false && true || false").b);
    CHECK_FALSE(eval("!(false || true)").b);
    CHECK(eval("1 < 2 && 3 > 2").b);
  }

  TEST_CASE("int and float arithmetic") {
    CHECK(parse("a * 2").type() == ValueType::Int);
    CHECK(eval("a * 2").i == 14);
    CHECK(parse("a / 2").type() == ValueType::Float);  // '/' is true division
    CHECK(eval("a / 2").f == 3.5);
    CHECK(eval("8 / 4").f == 2.0);
    CHECK(parse("a + b").type() == ValueType::Float);
    CHECK(eval("a + b").f == 7.5);
    CHECK(eval("a * b").f == 3.5);
    CHECK(parse("-a").type() == ValueType::Int);
    CHECK(eval("-a").i == -7);
    CHECK(eval("1.5 + 1").f == 2.5);
  }

  TEST_CASE("comparisons mix int and float like Python") {
    CHECK(eval("3 == 3.0").b);
    CHECK(eval("a >= 10 * 0.7").b);      // 7 >= 7.0
    CHECK_FALSE(eval("2 >= 3 * 0.7").b);  // 3 * 0.7 == 2.0999999999999996
    CHECK(eval("a != 7.5").b);
    CHECK(eval("s == 'navigation_hub'").b);
    CHECK_FALSE(eval("s != 'navigation_hub'").b);
    CHECK(eval("flag == true").b);
  }

  TEST_CASE("int/float comparisons are exact beyond 2**53") {
    // Python: 9007199254740993 == 9007199254740992.0 is False, > is True.
    CHECK_FALSE(eval("big == 9007199254740992.0").b);
    CHECK(eval("big > 9007199254740992.0").b);
  }

  TEST_CASE("min and max") {
    CHECK(parse("min(a, 2)").type() == ValueType::Int);
    CHECK(eval("min(a, 2)").i == 2);
    CHECK(eval("max(a, 2)").i == 7);
    CHECK(parse("max(a, b)").type() == ValueType::Float);
    CHECK(eval("max(a, b)").as_double() == 7.0);
    CHECK(eval("min(a, b)").f == 0.5);
    CHECK(eval("max(1, min(a, 3)) + 1").i == 4);
  }

  TEST_CASE("symbols lists the metrics read") {
    const Expr e = parse("a > 1 && (flag || b < 2)");
    auto syms = e.symbols();
    std::sort(syms.begin(), syms.end());
    CHECK(syms == std::vector<int>{0, 1, 2});
    CHECK(e.source() == "a > 1 && (flag || b < 2)");
    CHECK(parse("1 + 2").symbols().empty());
  }

  TEST_CASE("type errors are parse errors with a message") {
    CHECK(parse_error("1 + true").find("arithmetic needs numbers") != std::string::npos);
    CHECK(parse_error("s < 'b'").find("'<' needs numbers") != std::string::npos);
    CHECK(parse_error("a == 'x'").find("cannot compare int with string") != std::string::npos);
    CHECK(parse_error("!a").find("'!' needs a bool operand") != std::string::npos);
    CHECK(parse_error("flag && a").find("'&&' needs bool operands") != std::string::npos);
    CHECK(parse_error("a || flag").find("'||' needs bool operands") != std::string::npos);
    CHECK(parse_error("min(s, 1)").find("min() needs numbers") != std::string::npos);
    CHECK(parse_error("-flag").find("'-' needs a number") != std::string::npos);
  }

  TEST_CASE("unknown metrics and syntax errors are parse errors") {
    const std::string unknown = parse_error("pattern_count >= 5");
    CHECK(unknown.find("in expression 'pattern_count >= 5'") == 0);
    CHECK(unknown.find("unknown metric 'pattern_count'") != std::string::npos);
    CHECK(parse_error("(1 + 2").find("expected ')'") != std::string::npos);
    CHECK(parse_error("1 +").find("unexpected end") != std::string::npos);
    CHECK(parse_error("1 2").find("unexpected '2'") != std::string::npos);
    CHECK(parse_error("'open").find("unterminated string") != std::string::npos);
    CHECK(parse_error("a = 1").find("unexpected '='") != std::string::npos);
  }

  TEST_CASE("string functions") {
    CHECK(eval("len('caf\xC3\xA9') == 4").b);                 // code points
    CHECK(eval("nfkc('\xEF\xAC\x81le') == 'file'").b);
    CHECK(eval("strip('  x\xC2\xA0') == 'x'").b);             // Python's strip: NBSP too
    CHECK(eval("is_lower('abc') && !is_lower('aBc')").b);
    CHECK(eval("starts_with('-ab', '-') && ends_with('ab-', '-') && contains('a--b', '--')").b);
    CHECK(eval("matches('my-skill', '^[\\p{L}\\p{N}-]*$')").b);
    CHECK_FALSE(eval("matches('my_skill', '^[\\p{L}\\p{N}-]*$')").b);
    CHECK(eval("int(7 / 2) == 3").b);
  }
}
