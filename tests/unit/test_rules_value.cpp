// Tests for src/rules/value.cpp: value_to_text is Python's str() of the value.
#include <doctest/doctest.h>

#include <limits>

#include "skillscore/rules/value.hpp"

using namespace skillscore::rules;

TEST_SUITE("rules/value") {
  TEST_CASE("value_to_text writes values as Python's str()") {
    CHECK(value_to_text(Value::boolean(true)) == "True");
    CHECK(value_to_text(Value::boolean(false)) == "False");
    CHECK(value_to_text(Value::integer(5)) == "5");
    CHECK(value_to_text(Value::integer(-12)) == "-12");
    CHECK(value_to_text(Value::integer(std::numeric_limits<std::int64_t>::min())) == "-9223372036854775808");
    CHECK(value_to_text(Value::real(0.5)) == "0.5");
    CHECK(value_to_text(Value::real(1.0)) == "1.0");                  // str(1.0)
    CHECK(value_to_text(Value::real(0.1 * 3)) == "0.30000000000000004");  // str(0.1 * 3)
    CHECK(value_to_text(Value::real(0.8500000000000001)) == "0.8500000000000001");
    CHECK(value_to_text(Value::string("navigation_hub")) == "navigation_hub");
    CHECK(value_to_text(Value::string("")) == "");
  }

  TEST_CASE("constructors set the type and as_double reads numbers") {
    CHECK(Value::boolean(true).type == ValueType::Bool);
    CHECK(Value::integer(3).type == ValueType::Int);
    CHECK(Value::real(2.5).type == ValueType::Float);
    CHECK(Value::string("x").type == ValueType::String);
    CHECK(Value::integer(3).as_double() == 3.0);
    CHECK(Value::real(2.5).as_double() == 2.5);
  }

  TEST_CASE("value_type_name") {
    CHECK(value_type_name(ValueType::Bool) == "bool");
    CHECK(value_type_name(ValueType::Int) == "int");
    CHECK(value_type_name(ValueType::Float) == "float");
    CHECK(value_type_name(ValueType::String) == "string");
  }
}
