#pragma once
// PyYAML's SafeConstructor (constructor.py) over a composed graph: Python
// objects built in PyYAML's order (collections first empty, filled later by
// rounds of "state generators", so the first error raised is PyYAML's first),
// merge keys flattened as flatten_mapping does, then the objects as PyValues
// (a value that contains itself holds a Ref where repr() prints "[...]").
#include <cstddef>

#include "composer.hpp"
#include "reader.hpp"
#include "skillscore/doc/pyvalue.hpp"

namespace skillscore::doc::pyyaml {

struct ConstructLimits {
  std::size_t max_values = 200000;  // PyValues after expanding shared objects
  std::size_t max_depth = 1000;     // nesting of the expanded value
};

// safe_load's value for a non-empty graph; `reader` gives the report columns.
PyValue construct(Graph& g, const Reader& reader, const ConstructLimits& limits);

}  // namespace skillscore::doc::pyyaml
