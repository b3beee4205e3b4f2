// Tests for src/util/float_repr.cpp: every expectation is Python 3's repr()
// of the same double (computed with python3 -c "print(repr(x))").
#include <doctest/doctest.h>

#include <cmath>
#include <limits>

#include "skillscore/util/float_repr.hpp"

using skillscore::util::py_float_repr;

TEST_SUITE("util/float_repr") {
  TEST_CASE("shortest round-trip digits") {
    CHECK(py_float_repr(0.1 + 0.2) == "0.30000000000000004");
    CHECK(py_float_repr(0.7499999999999999) == "0.7499999999999999");
    CHECK(py_float_repr(0.5451086956521738) == "0.5451086956521738");
    CHECK(py_float_repr(0.85 + 0.0000000000000001) == "0.8500000000000001");
    CHECK(py_float_repr(-2.5) == "-2.5");
  }

  TEST_CASE("integral values keep '.0'") {
    CHECK(py_float_repr(1.0) == "1.0");
    CHECK(py_float_repr(100.0) == "100.0");
    CHECK(py_float_repr(1e15) == "1000000000000000.0");
    CHECK(py_float_repr(9999999999999998.0) == "9999999999999998.0");
  }

  TEST_CASE("zero and its sign") {
    CHECK(py_float_repr(0.0) == "0.0");
    CHECK(py_float_repr(-0.0) == "-0.0");
  }

  TEST_CASE("fixed notation from 1e-4 up to below 1e16") {
    CHECK(py_float_repr(0.0001) == "0.0001");
    CHECK(py_float_repr(0.00012345) == "0.00012345");
    CHECK(py_float_repr(1e-05) == "1e-05");
    CHECK(py_float_repr(1e-4 * 0.99) == "9.900000000000001e-05");
  }

  TEST_CASE("exponent notation at 1e16 and above") {
    CHECK(py_float_repr(1e16) == "1e+16");
    CHECK(py_float_repr(123456789012345678.0) == "1.2345678901234568e+17");
    CHECK(py_float_repr(std::numeric_limits<double>::max()) == "1.7976931348623157e+308");
  }

  TEST_CASE("subnormals") {
    CHECK(py_float_repr(5e-324) == "5e-324");
    CHECK(py_float_repr(std::numeric_limits<double>::denorm_min() * 3) == "1.5e-323");
  }

  TEST_CASE("non-finite values") {
    CHECK(py_float_repr(HUGE_VAL) == "inf");
    CHECK(py_float_repr(-HUGE_VAL) == "-inf");
    CHECK(py_float_repr(std::nan("")) == "nan");
  }
}
