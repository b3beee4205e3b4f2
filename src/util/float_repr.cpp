#include "skillscore/util/float_repr.hpp"

#include <charconv>
#include <cmath>
#include <string_view>

namespace skillscore::util {

std::string py_float_repr(double value) {
  std::string out;
  append_py_float_repr(out, value);
  return out;
}

void append_py_float_repr(std::string& out, double value) {
  if (std::isnan(value)) {
    out += "nan";
    return;
  }
  if (std::isinf(value)) {
    out += value < 0 ? "-inf" : "inf";
    return;
  }
  // Shortest round-trip digits in scientific form: "d.ddde[+-]XX".
  char buf[64];
  const auto res = std::to_chars(buf, buf + sizeof buf, value, std::chars_format::scientific);
  std::string_view sci(buf, static_cast<std::size_t>(res.ptr - buf));
  if (sci[0] == '-') {
    out += '-';
    sci.remove_prefix(1);
  }
  const std::size_t epos = sci.find('e');
  // The digits without the '.': the first, then those after the point.
  char digits[32];
  std::size_t nd = 0;
  digits[nd++] = sci[0];
  for (std::size_t i = 2; i < epos; ++i) digits[nd++] = sci[i];
  const bool negative_exp = sci[epos + 1] == '-';
  int exp10 = 0;
  std::from_chars(sci.data() + epos + 2, sci.data() + sci.size(), exp10);  // after the exponent's sign
  if (negative_exp) exp10 = -exp10;
  // Python uses fixed notation when -4 <= exponent < 16.
  if (exp10 >= -4 && exp10 < 16) {
    if (exp10 < 0) {
      out += "0.";
      out.append(static_cast<std::size_t>(-exp10 - 1), '0');
      out.append(digits, nd);
    } else if (static_cast<std::size_t>(exp10) + 1 >= nd) {
      out.append(digits, nd);
      out.append(static_cast<std::size_t>(exp10) + 1 - nd, '0');
      out += ".0";
    } else {
      const auto whole = static_cast<std::size_t>(exp10) + 1;
      out.append(digits, whole);
      out += '.';
      out.append(digits + whole, nd - whole);
    }
    return;
  }
  out += digits[0];
  if (nd > 1) {
    out += '.';
    out.append(digits + 1, nd - 1);
  }
  // At least two exponent digits, as printf's "%02d".
  const int abs_exp = exp10 < 0 ? -exp10 : exp10;
  out += exp10 < 0 ? "e-" : "e+";
  if (abs_exp < 10) out += '0';
  char ebuf[8];
  const auto e = std::to_chars(ebuf, ebuf + sizeof ebuf, abs_exp);
  out.append(ebuf, static_cast<std::size_t>(e.ptr - ebuf));
}

}  // namespace skillscore::util
