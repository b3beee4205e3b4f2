#pragma once
// The typed values metrics take. A metric has one type, fixed when the rule
// file is loaded; nothing is ever an untyped string.
#include <cstdint>
#include <string>
#include <string_view>

namespace skillscore::rules {

enum class ValueType { Bool, Int, Float, String };

std::string_view value_type_name(ValueType t);

struct Value {
  ValueType type = ValueType::Bool;
  bool b = false;
  std::int64_t i = 0;
  double f = 0.0;
  std::string s;

  static Value boolean(bool v) { Value x; x.type = ValueType::Bool; x.b = v; return x; }
  static Value integer(std::int64_t v) { Value x; x.type = ValueType::Int; x.i = v; return x; }
  static Value real(double v) { Value x; x.type = ValueType::Float; x.f = v; return x; }
  static Value string(std::string v) { Value x; x.type = ValueType::String; x.s = std::move(v); return x; }

  // The number as a double (Int or Float).
  double as_double() const { return type == ValueType::Int ? static_cast<double>(i) : f; }
};

// How Python's str() writes the value (True, 3, 0.5, text): used in messages.
std::string value_to_text(const Value& v);

}  // namespace skillscore::rules
