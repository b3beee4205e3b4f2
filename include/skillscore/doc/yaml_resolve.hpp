#pragma once
// PyYAML's YAML 1.1 implicit typing of plain scalars and its constructors for
// the standard tags (bool, int, float, null, timestamp, str).
#include <optional>
#include <string>
#include <string_view>

#include "skillscore/doc/pyvalue.hpp"

namespace skillscore::doc {

enum class ScalarTag { Str, Bool, Int, Float, Null, Timestamp, Merge, Value };

// The tag PyYAML's resolver gives a plain (unquoted) scalar.
ScalarTag resolve_plain_scalar(std::string_view s);

// Whether all of `s` has the form of PyYAML's resolver pattern for a type
// (resolver.py: bool, float, int, null), read by hand: RE2 says the same (the
// unit tests compare them on random texts), but compiling its programs cost
// every one-file run a fifth of a millisecond.
bool yaml_bool_form(std::string_view s);
bool yaml_float_form(std::string_view s);
bool yaml_int_form(std::string_view s);
bool yaml_null_form(std::string_view s);

// The tag for an explicit "tag:yaml.org,2002:NAME", or nullopt for any other.
std::optional<ScalarTag> scalar_tag_from_name(std::string_view full_tag);

// Builds the Python value for a scalar of the given tag. Returns nullopt with
// `error` set where PyYAML's constructor raises: a ConstructorError (a YAML
// error: frontmatter becomes {}), or, with `crash` set, a ValueError that
// makes the reference itself fail (an impossible date).
struct ScalarError {
  std::string message;
  bool crash = false;
};
std::optional<PyValue> construct_scalar(ScalarTag tag, std::string_view s, ScalarError& error);

}  // namespace skillscore::doc
