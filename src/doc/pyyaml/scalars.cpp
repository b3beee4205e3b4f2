#include "scalars.hpp"

#include <cmath>
#include <cstdlib>
#include <vector>

#include "skillscore/doc/yaml_resolve.hpp"
#include "skillscore/util/pystr.hpp"
#include "skillscore/util/unicode_category.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::doc::pyyaml {
namespace {

[[noreturn]] void crash(const std::string& what, const Mark& m) { fail(FailureKind::Crash, what, &m); }

std::string without_underscores(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    if (c != '_') out += c;
  }
  return out;
}

// What int() and float() parse a str as (CPython's
// _PyUnicode_TransformDecimalAndSpaceToASCII): a Unicode decimal digit (Nd)
// becomes its ASCII digit, a Unicode space a ' '; anything else beyond ASCII
// stays and makes the parse fail. Nd digits come in runs of ten from 0 to 9
// (a Unicode stability guarantee), so a digit's value is its place in its run.
std::string ascii_decimal(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  std::size_t pos = 0;
  while (pos < raw.size()) {
    const std::size_t start = pos;
    const char32_t cp = util::decode_utf8(raw, pos);
    if (cp < 0x80) {
      out += static_cast<char>(cp);
    } else if (util::general_category(cp) == util::GeneralCategory::Nd) {
      int before = 0;
      while (before < 100 && util::general_category(cp - static_cast<char32_t>(before) - 1) == util::GeneralCategory::Nd) ++before;
      out += static_cast<char>('0' + before % 10);
    } else if (util::py_is_space(cp)) {
      out += ' ';
    } else {
      out.append(raw.substr(start, pos - start));
    }
  }
  return out;
}

bool py_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f'; }

std::string_view py_strip(std::string_view s) {
  while (!s.empty() && py_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && py_space(s.back())) s.remove_suffix(1);
  return s;
}

// Non-negative integer as little-endian base-10^9 limbs.
class BigInt {
 public:
  void mul_add(std::uint32_t mul, std::uint32_t add) {
    std::uint64_t carry = add;
    for (auto& limb : limbs_) {
      const std::uint64_t v = static_cast<std::uint64_t>(limb) * mul + carry;
      limb = static_cast<std::uint32_t>(v % k_base);
      carry = v / k_base;
    }
    while (carry) {
      limbs_.push_back(static_cast<std::uint32_t>(carry % k_base));
      carry /= k_base;
    }
  }
  void add(const BigInt& o) {
    std::uint64_t carry = 0;
    if (limbs_.size() < o.limbs_.size()) limbs_.resize(o.limbs_.size(), 0);
    for (std::size_t i = 0; i < limbs_.size(); ++i) {
      const std::uint64_t v = static_cast<std::uint64_t>(limbs_[i]) + (i < o.limbs_.size() ? o.limbs_[i] : 0) + carry;
      limbs_[i] = static_cast<std::uint32_t>(v % k_base);
      carry = v / k_base;
    }
    if (carry) limbs_.push_back(static_cast<std::uint32_t>(carry));
  }
  // this -= o, for this >= o.
  void sub(const BigInt& o) {
    std::int64_t borrow = 0;
    for (std::size_t i = 0; i < limbs_.size(); ++i) {
      std::int64_t v = static_cast<std::int64_t>(limbs_[i]) - (i < o.limbs_.size() ? o.limbs_[i] : 0) - borrow;
      borrow = v < 0 ? 1 : 0;
      if (v < 0) v += static_cast<std::int64_t>(k_base);
      limbs_[i] = static_cast<std::uint32_t>(v);
    }
  }
  bool less(const BigInt& o) const {
    std::size_t a = limbs_.size(), b = o.limbs_.size();
    while (a > 1 && limbs_[a - 1] == 0) --a;
    while (b > 1 && o.limbs_[b - 1] == 0) --b;
    if (a != b) return a < b;
    for (std::size_t i = a; i-- > 0;) {
      if (limbs_[i] != o.limbs_[i]) return limbs_[i] < o.limbs_[i];
    }
    return false;
  }
  bool zero() const {
    for (auto l : limbs_) {
      if (l) return false;
    }
    return true;
  }
  std::string str() const {
    std::size_t top = limbs_.size();
    while (top > 1 && limbs_[top - 1] == 0) --top;
    std::string out = std::to_string(limbs_[top - 1]);
    for (std::size_t i = top - 1; i-- > 0;) {
      const std::string part = std::to_string(limbs_[i]);
      out.append(9 - part.size(), '0');
      out += part;
    }
    return out;
  }

 private:
  static constexpr std::uint64_t k_base = 1000000000;
  std::vector<std::uint32_t> limbs_{0};
};

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'z') return c - 'a' + 10;
  if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
  return 99;
}

struct PyInt {
  bool negative = false;
  BigInt magnitude;
};

// Python's int(s, base) on a str without underscores; ValueError is a crash.
PyInt py_int(std::string_view raw, int base, const Mark& m) {
  auto invalid = [&] {
    crash("ValueError: invalid literal for int() with base " + std::to_string(base) + ": " +
              py_repr_string(std::string(raw)),
          m);
  };
  const std::string ascii = ascii_decimal(raw);
  std::string_view s = py_strip(ascii);
  PyInt out;
  if (!s.empty() && (s[0] == '+' || s[0] == '-')) {
    out.negative = s[0] == '-';
    s.remove_prefix(1);
  }
  if (s.size() >= 2 && s[0] == '0') {
    const char p = static_cast<char>(s[1] | 0x20);
    if ((base == 16 && p == 'x') || (base == 8 && p == 'o') || (base == 2 && p == 'b')) s.remove_prefix(2);
  }
  if (s.empty()) invalid();
  if (base == 10 && s.size() > 4300) {
    crash("ValueError: Exceeds the limit (4300 digits) for integer string conversion", m);
  }
  for (char c : s) {
    const int d = digit_value(c);
    if (d >= base) invalid();
    out.magnitude.mul_add(static_cast<std::uint32_t>(base), static_cast<std::uint32_t>(d));
  }
  return out;
}

PyValue int_value(bool negative, const BigInt& magnitude) {
  PyValue v;
  v.type = PyType::Int;
  v.text = (negative && !magnitude.zero() ? "-" : "") + magnitude.str();
  return v;
}

// Python's float() on a lower-cased str without underscores; nullopt when invalid.
bool py_float(std::string_view raw, double& out) {
  const std::string ascii = ascii_decimal(raw);
  std::string_view s = py_strip(ascii);
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  const std::string_view body = s.substr(i);
  if (body == "inf" || body == "infinity" || body == "nan") {
    out = std::strtod(std::string(s).c_str(), nullptr);
    return true;
  }
  std::size_t digits = 0;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++digits;
  }
  if (!digits) return false;
  if (i < s.size() && s[i] == 'e') {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    std::size_t exp = 0;
    while (i < s.size() && s[i] >= '0' && s[i] <= '9') ++i, ++exp;
    if (!exp) return false;
  }
  if (i != s.size()) return false;
  out = std::strtod(std::string(s).c_str(), nullptr);
  return true;
}

std::vector<std::string_view> split_colons(std::string_view s) {
  std::vector<std::string_view> parts;
  std::size_t start = 0;
  while (true) {
    const auto colon = s.find(':', start);
    parts.push_back(s.substr(start, colon == std::string_view::npos ? std::string_view::npos : colon - start));
    if (colon == std::string_view::npos) break;
    start = colon + 1;
  }
  return parts;
}

}  // namespace

PyValue construct_bool(std::string_view s, const Mark& m) {
  std::string lower(s);
  for (char& c : lower) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  PyValue v;
  v.type = PyType::Bool;
  if (lower == "yes" || lower == "true" || lower == "on") v.boolean = true;
  else if (lower == "no" || lower == "false" || lower == "off") v.boolean = false;
  else crash("KeyError: " + py_repr_string(lower), m);
  return v;
}

PyValue construct_int(std::string_view raw, const Mark& m) {
  std::string v = without_underscores(raw);
  if (v.empty()) crash("IndexError: string index out of range (an empty !!int)", m);
  const bool negative = v[0] == '-';
  if (v[0] == '+' || v[0] == '-') v.erase(0, 1);
  if (v == "0") return int_value(false, BigInt{});
  auto signed_value = [&](const PyInt& n) { return int_value(negative != n.negative, n.magnitude); };
  if (v.rfind("0b", 0) == 0) return signed_value(py_int(std::string_view(v).substr(2), 2, m));
  if (v.rfind("0x", 0) == 0) return signed_value(py_int(std::string_view(v).substr(2), 16, m));
  if (v.empty()) crash("IndexError: string index out of range (a sign alone as !!int)", m);
  if (v[0] == '0') return signed_value(py_int(v, 8, m));
  if (v.find(':') != std::string::npos) {
    // Sexagesimal: the last part counts 1, the one before 60, then 3600...
    // A part may be negative ('1:-30' is 30): the positive and the negative
    // parts are summed apart, then subtracted.
    const auto parts = split_colons(v);
    BigInt plus, minus;
    for (const auto part : parts) {
      const PyInt p = py_int(part, 10, m);
      plus.mul_add(60, 0);
      minus.mul_add(60, 0);
      (p.negative ? minus : plus).add(p.magnitude);
    }
    if (plus.less(minus)) {
      minus.sub(plus);
      return int_value(!negative, minus);
    }
    plus.sub(minus);
    return int_value(negative, plus);
  }
  return signed_value(py_int(v, 10, m));
}

PyValue construct_float(std::string_view raw, const Mark& m) {
  std::string v = without_underscores(raw);
  for (char& c : v) {
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  }
  if (v.empty()) crash("IndexError: string index out of range (an empty !!float)", m);
  double sign = 1.0;
  if (v[0] == '-') sign = -1.0;
  if (v[0] == '+' || v[0] == '-') v.erase(0, 1);
  PyValue out;
  out.type = PyType::Float;
  auto invalid = [&](std::string_view what) {
    crash("ValueError: could not convert string to float: " + py_repr_string(std::string(what)), m);
  };
  if (v == ".inf") {
    out.number = sign * HUGE_VAL;
  } else if (v == ".nan") {
    out.number = std::nan("");
  } else if (v.find(':') != std::string::npos) {
    const auto parts = split_colons(v);
    double value = 0.0, base = 1.0;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
      double d = 0;
      if (!py_float(*it, d)) invalid(*it);
      value += d * base;
      base *= 60;
    }
    out.number = sign * value;
  } else {
    double d = 0;
    if (!py_float(v, d)) invalid(v);
    out.number = sign * d;
  }
  return out;
}

PyValue construct_binary(std::string_view s, const Mark& m) {
  for (char c : s) {
    if (static_cast<unsigned char>(c) >= 0x80) {
      fail(FailureKind::YamlError, "failed to convert base64 data into ascii: 'ascii' codec can't encode characters",
           &m);
    }
  }
  // binascii.a2b_base64, not strict: characters outside the alphabet are skipped,
  // a complete pad sequence ends the data.
  std::string out;
  int quad = 0, pads = 0;
  unsigned left = 0;
  bool done = false;
  for (char c : s) {
    if (c == '=') {
      if (quad >= 2 && quad + ++pads >= 4) {
        done = true;
        break;
      }
      continue;
    }
    unsigned d;
    if (c >= 'A' && c <= 'Z') d = static_cast<unsigned>(c - 'A');
    else if (c >= 'a' && c <= 'z') d = static_cast<unsigned>(c - 'a' + 26);
    else if (c >= '0' && c <= '9') d = static_cast<unsigned>(c - '0' + 52);
    else if (c == '+') d = 62;
    else if (c == '/') d = 63;
    else continue;
    pads = 0;
    switch (quad) {
      case 0: left = d; quad = 1; break;
      case 1: out += static_cast<char>((left << 2) | (d >> 4)); left = d & 0xF; quad = 2; break;
      case 2: out += static_cast<char>((left << 4) | (d >> 2)); left = d & 0x3; quad = 3; break;
      default: out += static_cast<char>((left << 6) | d); left = 0; quad = 0; break;
    }
  }
  if (!done && quad != 0) {
    const std::string why = quad == 1 ? "Invalid base64-encoded string: number of data characters (" +
                                            std::to_string(out.size() / 3 * 4 + 1) +
                                            ") cannot be 1 more than a multiple of 4"
                                      : "Incorrect padding";
    fail(FailureKind::YamlError, "failed to decode base64 data: " + why, &m);
  }
  PyValue v;
  v.type = PyType::Bytes;
  v.text = std::move(out);
  return v;
}

PyValue construct_timestamp(std::string_view raw, const Mark& m) {
  // timestamp_regexp ends in '$': a final '\n' is allowed.
  std::string_view s = raw;
  if (!s.empty() && s.back() == '\n') s.remove_suffix(1);
  ScalarError err;
  auto v = construct_scalar(ScalarTag::Timestamp, s, err);
  if (!v) {
    if (!err.crash) crash("AttributeError: 'NoneType' object has no attribute 'groupdict' (not a timestamp)", m);
    crash(err.message, m);
  }
  return *v;
}

}  // namespace skillscore::doc::pyyaml
