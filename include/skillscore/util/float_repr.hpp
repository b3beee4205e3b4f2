#pragma once
#include <string>

namespace skillscore::util {

// Python's repr(float): the shortest string that round-trips, in Python's
// layout ("0.7499999999999999", "1.0", "1e-05", "1e+16", "inf", "nan").
std::string py_float_repr(double value);
// The same, appended to `out` (JSON output writes thousands: no temporaries).
void append_py_float_repr(std::string& out, double value);

}  // namespace skillscore::util
