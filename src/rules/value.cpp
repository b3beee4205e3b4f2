#include "skillscore/rules/value.hpp"

#include "skillscore/util/float_repr.hpp"

namespace skillscore::rules {

std::string_view value_type_name(ValueType t) {
  switch (t) {
    case ValueType::Bool: return "bool";
    case ValueType::Int: return "int";
    case ValueType::Float: return "float";
    case ValueType::String: return "string";
  }
  return "?";
}

std::string value_to_text(const Value& v) {
  switch (v.type) {
    case ValueType::Bool: return v.b ? "True" : "False";
    case ValueType::Int: return std::to_string(v.i);
    case ValueType::Float: return util::py_float_repr(v.f);
    case ValueType::String: return v.s;
  }
  return {};
}

}  // namespace skillscore::rules
