#include "skillscore/doc/yaml_resolve.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <vector>

#include "skillscore/util/float_repr.hpp"
#include "skillscore/util/pystr.hpp"

namespace skillscore::doc {
namespace {

// PyYAML's resolver patterns (resolver.py), ASCII only: RE2 is exact here.
const RE2& bool_re() {
  static const RE2 re("yes|Yes|YES|no|No|NO|true|True|TRUE|false|False|FALSE|on|On|ON|off|Off|OFF");
  return re;
}
const RE2& float_re() {
  static const RE2 re(
      R"([-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?)"
      R"(|\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?)"
      R"(|[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*)"
      R"(|[-+]?\.(?:inf|Inf|INF))"
      R"(|\.(?:nan|NaN|NAN))");
  return re;
}
const RE2& int_re() {
  static const RE2 re(
      R"([-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+)"
      R"(|[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+)");
  return re;
}
const RE2& null_re() {
  static const RE2 re("~|null|Null|NULL|");
  return re;
}
const RE2& timestamp_resolve_re() {
  static const RE2 re(
      R"([0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9])"
      R"(|[0-9][0-9][0-9][0-9]-[0-9][0-9]?-[0-9][0-9]?)"
      R"((?:[Tt]|[ \t]+)[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:\.[0-9]*)?)"
      R"((?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?)");
  return re;
}
const RE2& timestamp_parts_re() {
  static const RE2 re(
      R"(([0-9][0-9][0-9][0-9])-([0-9][0-9]?)-([0-9][0-9]?))"
      R"((?:(?:[Tt]|[ \t]+)([0-9][0-9]?):([0-9][0-9]):([0-9][0-9]))"
      R"((?:\.([0-9]*))?)"
      R"((?:[ \t]*(Z|([-+])([0-9][0-9]?)(?::([0-9][0-9]))?))?)?)");
  return re;
}

bool full(const RE2& re, std::string_view s) { return RE2::FullMatch(s, re); }

std::string without_underscores(std::string_view s) {
  std::string out;
  for (char c : s) {
    if (c != '_') out += c;
  }
  return out;
}

// Arbitrary-size non-negative integer in little-endian decimal digits, as
// Python ints have no size limit.
class BigDecimal {
 public:
  void mul_add(int base, int add) {
    int carry = add;
    for (int& x : digits_) {
      const int v = x * base + carry;
      x = v % 10;
      carry = v / 10;
    }
    while (carry) {
      digits_.push_back(carry % 10);
      carry /= 10;
    }
  }
  std::string str() const {
    std::string out;
    for (auto it = digits_.rbegin(); it != digits_.rend(); ++it) out += static_cast<char>('0' + *it);
    const auto nz = out.find_first_not_of('0');
    return nz == std::string::npos ? "0" : out.substr(nz);
  }

 private:
  std::vector<int> digits_{0};
};

int digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return c - 'A' + 10;
}

std::string digits_in_base_to_decimal(std::string_view digits, int base) {
  BigDecimal n;
  for (char c : digits) n.mul_add(base, digit_value(c));
  return n.str();
}

PyValue make_int(const std::string& digits, bool negative) {
  PyValue v;
  v.type = PyType::Int;
  v.text = (negative && digits != "0" ? "-" : "") + digits;
  return v;
}

PyValue construct_int(std::string_view raw) {
  std::string s = without_underscores(raw);
  bool negative = false;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    negative = s[0] == '-';
    s.erase(0, 1);
  }
  if (s == "0") return make_int("0", false);
  if (s.rfind("0b", 0) == 0) return make_int(digits_in_base_to_decimal(s.substr(2), 2), negative);
  if (s.rfind("0x", 0) == 0) return make_int(digits_in_base_to_decimal(s.substr(2), 16), negative);
  if (s[0] == '0') return make_int(digits_in_base_to_decimal(s.substr(1), 8), negative);
  if (s.find(':') != std::string::npos) {
    // Sexagesimal: 190:20:30 == (190 * 60 + 20) * 60 + 30; each part is below 60
    // but the first, which may be long.
    BigDecimal n;
    std::size_t start = 0;
    bool first = true;
    while (true) {
      const auto colon = s.find(':', start);
      const std::string part = s.substr(start, colon - start);
      if (first) {
        for (char c : part) n.mul_add(10, c - '0');
        first = false;
      } else {
        n.mul_add(60, std::atoi(part.c_str()));
      }
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    return make_int(n.str(), negative);
  }
  return make_int(digits_in_base_to_decimal(s, 10), negative);
}

PyValue construct_float(std::string_view raw) {
  std::string s = without_underscores(raw);
  util::ascii_lower(s);
  double sign = 1.0;
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) {
    if (s[0] == '-') sign = -1.0;
    s.erase(0, 1);
  }
  PyValue v;
  v.type = PyType::Float;
  if (s == ".inf") {
    v.number = sign * HUGE_VAL;
  } else if (s == ".nan") {
    v.number = std::nan("");
  } else if (s.find(':') != std::string::npos) {
    // Sexagesimal float, summed as PyYAML does: digits in reverse, base 1, 60, 3600...
    std::vector<double> parts;
    std::size_t start = 0;
    while (true) {
      const auto colon = s.find(':', start);
      parts.push_back(std::strtod(s.substr(start, colon - start).c_str(), nullptr));
      if (colon == std::string::npos) break;
      start = colon + 1;
    }
    double base = 1.0, value = 0.0;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
      value += *it * base;
      base *= 60;
    }
    v.number = sign * value;
  } else {
    v.number = sign * std::strtod(s.c_str(), nullptr);
  }
  return v;
}

bool leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
int days_in_month(int y, int m) {
  static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return m == 2 && leap(y) ? 29 : days[m - 1];
}

std::optional<PyValue> construct_timestamp(std::string_view s, ScalarError& error) {
  std::string year, month, day, hour, minute, second, fraction, tz, tz_sign, tz_hour, tz_minute;
  if (!RE2::FullMatch(s, timestamp_parts_re(), &year, &month, &day, &hour, &minute, &second,
                      &fraction, &tz, &tz_sign, &tz_hour, &tz_minute)) {
    error.message = "timestamp does not match";
    return std::nullopt;
  }
  const int y = std::atoi(year.c_str()), mo = std::atoi(month.c_str()), d = std::atoi(day.c_str());
  auto bad = [&](const std::string& what) {
    error.message = what + " in timestamp '" + std::string(s) + "'";
    error.crash = true;  // Python's date() raises ValueError: the reference fails
    return std::nullopt;
  };
  if (y < 1) return bad("year is out of range");
  if (mo < 1 || mo > 12) return bad("month must be in 1..12");
  if (d < 1 || d > days_in_month(y, mo)) return bad("day is out of range for month");
  char buf[96];
  PyValue v;
  if (hour.empty()) {
    v.type = PyType::Date;
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", y, mo, d);
    v.text = buf;
    return v;
  }
  const int h = std::atoi(hour.c_str()), mi = std::atoi(minute.c_str()), se = std::atoi(second.c_str());
  if (h > 23) return bad("hour must be in 0..23");
  if (mi > 59) return bad("minute must be in 0..59");
  if (se > 59) return bad("second must be in 0..59");
  std::string frac = fraction.substr(0, 6);
  while (frac.size() < 6) frac += '0';
  const int micro = std::atoi(frac.c_str());
  v.type = PyType::DateTime;
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d %02d:%02d:%02d", y, mo, d, h, mi, se);
  v.text = buf;
  // repr() drops zero seconds and microseconds: datetime.datetime(2024, 1, 1, 10, 0)
  std::snprintf(buf, sizeof buf, "datetime.datetime(%d, %d, %d, %d, %d", y, mo, d, h, mi);
  v.repr_text = buf;
  if (se || micro) v.repr_text += ", " + std::to_string(se);
  if (micro) {
    v.repr_text += ", " + std::to_string(micro);
    std::snprintf(buf, sizeof buf, ".%06d", micro);
    v.text += buf;
  }
  if (!tz_sign.empty()) {
    const int th = std::atoi(tz_hour.c_str()), tm = tz_minute.empty() ? 0 : std::atoi(tz_minute.c_str());
    if (th * 60 + tm >= 24 * 60) return bad("offset must be less than 24 hours");
    const bool zero = th == 0 && tm == 0;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", zero ? '+' : tz_sign[0], th, tm);
    v.text += buf;
    // datetime.timezone(datetime.timedelta(days=-1, seconds=68400)) for -05:00
    long seconds = (th * 60L + tm) * 60L * (tz_sign[0] == '-' ? -1 : 1);
    if (seconds == 0) {
      v.repr_text += ", tzinfo=datetime.timezone.utc";
    } else {
      const long days = seconds < 0 ? -1 : 0;
      seconds -= days * 86400;
      v.repr_text += ", tzinfo=datetime.timezone(datetime.timedelta(";
      if (days) v.repr_text += "days=-1, ";
      v.repr_text += "seconds=" + std::to_string(seconds) + "))";
    }
  } else if (!tz.empty()) {
    v.text += "+00:00";
    v.repr_text += ", tzinfo=datetime.timezone.utc";
  }
  v.repr_text += ")";
  return v;
}

}  // namespace

ScalarTag resolve_plain_scalar(std::string_view s) {
  // PyYAML tries resolvers in registration order: bool, float, int, merge, null,
  // timestamp, value; the first whose pattern matches the whole scalar wins.
  // It picks the candidates by the first character, and so does this: most
  // scalars (words, sentences) start with one no resolver takes.
  if (!s.empty() && std::string_view("yYnNtTfFoO-+0123456789.<~=").find(s.front()) == std::string_view::npos) {
    return ScalarTag::Str;
  }
  if (full(bool_re(), s)) return ScalarTag::Bool;
  if (full(float_re(), s)) return ScalarTag::Float;
  if (full(int_re(), s)) return ScalarTag::Int;
  if (s == "<<") return ScalarTag::Merge;
  if (full(null_re(), s)) return ScalarTag::Null;
  if (full(timestamp_resolve_re(), s)) return ScalarTag::Timestamp;
  if (s == "=") return ScalarTag::Value;
  return ScalarTag::Str;
}

std::optional<ScalarTag> scalar_tag_from_name(std::string_view t) {
  constexpr std::string_view prefix = "tag:yaml.org,2002:";
  if (t.substr(0, prefix.size()) != prefix) return std::nullopt;
  const auto name = t.substr(prefix.size());
  if (name == "str") return ScalarTag::Str;
  if (name == "bool") return ScalarTag::Bool;
  if (name == "int") return ScalarTag::Int;
  if (name == "float") return ScalarTag::Float;
  if (name == "null") return ScalarTag::Null;
  if (name == "timestamp") return ScalarTag::Timestamp;
  return std::nullopt;
}

std::optional<PyValue> construct_scalar(ScalarTag tag, std::string_view s, ScalarError& error) {
  switch (tag) {
    case ScalarTag::Str: return PyValue::str(std::string(s));
    case ScalarTag::Null: return PyValue::none();
    case ScalarTag::Bool: {
      std::string lower(s);
      util::ascii_lower(lower);
      PyValue v;
      v.type = PyType::Bool;
      v.boolean = lower == "yes" || lower == "true" || lower == "on";
      return v;
    }
    case ScalarTag::Int:
      // Python 3.11 refuses int<->str conversions beyond 4300 digits (ValueError:
      // the reference fails); it also keeps the conversion here linear.
      if (s.size() > 4300) {
        error.message = "integer literal of " + std::to_string(s.size()) + " characters exceeds 4300 digits";
        error.crash = true;
        return std::nullopt;
      }
      if (!full(int_re(), s)) {
        error.message = "invalid literal for int(): '" + std::string(s) + "'";
        error.crash = true;
        return std::nullopt;
      }
      return construct_int(s);
    case ScalarTag::Float:
      if (!full(float_re(), s) && !full(int_re(), s)) {
        error.message = "could not convert string to float: '" + std::string(s) + "'";
        error.crash = true;
        return std::nullopt;
      }
      return construct_float(s);
    case ScalarTag::Timestamp: return construct_timestamp(s, error);
    case ScalarTag::Merge:
    case ScalarTag::Value:
      error.message = "could not determine a constructor for the tag 'tag:yaml.org,2002:" +
                      std::string(tag == ScalarTag::Merge ? "merge" : "value") + "'";
      return std::nullopt;
  }
  return std::nullopt;
}

}  // namespace skillscore::doc
