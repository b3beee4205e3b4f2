#pragma once
// SafeConstructor's scalar constructors (constructor.py) with the Python
// conversions they rely on: int(), float(), str.lower(), base64.decodebytes.
// Each throws a Failure where PyYAML raises: a ConstructorError (YamlError)
// or another exception that makes the reference fail (Crash).
#include <string>
#include <string_view>

#include "error.hpp"
#include "skillscore/doc/pyvalue.hpp"

namespace skillscore::doc::pyyaml {

PyValue construct_bool(std::string_view s, const Mark& m);
PyValue construct_int(std::string_view s, const Mark& m);
PyValue construct_float(std::string_view s, const Mark& m);
PyValue construct_binary(std::string_view s, const Mark& m);
PyValue construct_timestamp(std::string_view s, const Mark& m);

}  // namespace skillscore::doc::pyyaml
