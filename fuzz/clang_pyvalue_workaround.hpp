#pragma once
// Force-included (-include) into every translation unit of the clang builds
// (scripts/fuzz.sh, CMAKE_CXX_FLAGS). Without it, clang (14 and 16 alike)
// with Debian's libstdc++ 12 rejects include/skillscore/doc/pyvalue.hpp:
//
//   stl_vector.h: error: arithmetic on a pointer to an incomplete type
//   'std::pair<skillscore::doc::PyValue, skillscore::doc::PyValue>'
//
// A PyValue holds a std::vector<std::pair<PyValue, PyValue>>. Instantiating
// std::pair<PyValue, PyValue> evaluates the explicit(bool) of pair's default
// constructor, which asks whether PyValue is implicitly default constructible;
// clang answers by defining PyValue's (constexpr) default constructor, which
// needs the vector's destructor, which needs the complete pair: a cycle. GCC
// evaluates lazily and accepts it.
//
// The answer is known (PyValue is an aggregate with default member
// initializers: it is implicitly default constructible), so this header gives
// it up front and the cycle never starts. It only exists for clang; the real
// fix belongs in include/skillscore/doc/pyvalue.hpp (docs/robustness.md).
#if defined(__clang__) && defined(__cplusplus)
#include <type_traits>
namespace skillscore::doc {
struct PyValue;
}
namespace std {
template <>
struct __is_implicitly_default_constructible<skillscore::doc::PyValue> : true_type {};
}  // namespace std
#endif
