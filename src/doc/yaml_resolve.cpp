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

// PyYAML's timestamp patterns (resolver.py, constructor.py), ASCII only: RE2
// is exact here. The other resolver patterns are read by hand (yaml_*_form).
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

bool digit(char c) { return c >= '0' && c <= '9'; }

// Skips [0-9_]* from i.
std::size_t digits_or_underscores(std::string_view s, std::size_t i) {
  while (i < s.size() && (digit(s[i]) || s[i] == '_')) ++i;
  return i;
}

// Skips (?::[0-5]?[0-9])+ from i: npos when there is no such part. What
// may follow a part (':', '.' or the end) is never a digit, so a part takes
// every digit after its ':' and there is one way to read it: one digit, or
// two with the first of 0-5.
std::size_t sexagesimal_parts(std::string_view s, std::size_t i) {
  std::size_t parts = 0;
  while (i < s.size() && s[i] == ':') {
    std::size_t e = i + 1;
    while (e < s.size() && digit(s[e])) ++e;
    const std::size_t n = e - (i + 1);
    if (!(n == 1 || (n == 2 && s[i + 1] <= '5'))) return std::string_view::npos;
    i = e;
    ++parts;
  }
  return parts ? i : std::string_view::npos;
}

// (?:[eE][-+][0-9]+)? up to the end, from i.
bool exponent_to_end(std::string_view s, std::size_t i) {
  if (i == s.size()) return true;
  if (s[i] != 'e' && s[i] != 'E') return false;
  if (++i == s.size() || (s[i] != '-' && s[i] != '+')) return false;
  if (++i == s.size()) return false;
  for (; i < s.size(); ++i) {
    if (!digit(s[i])) return false;
  }
  return true;
}

// Whether s[4] is '-' after four digits: every timestamp starts so.
bool may_be_timestamp(std::string_view s) {
  return s.size() >= 8 && digit(s[0]) && digit(s[1]) && digit(s[2]) && digit(s[3]) && s[4] == '-';
}

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

bool yaml_bool_form(std::string_view s) {
  static constexpr std::string_view k_words[] = {"yes",   "Yes",   "YES",   "no", "No", "NO",  "true", "True", "TRUE",
                                                 "false", "False", "FALSE", "on", "On", "ON",  "off",  "Off",  "OFF"};
  return std::find(std::begin(k_words), std::end(k_words), s) != std::end(k_words);
}

bool yaml_null_form(std::string_view s) { return s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL"; }

bool yaml_float_form(std::string_view s) {
  // [-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+][0-9]+)?
  // |\.[0-9][0-9_]*(?:[eE][-+][0-9]+)?
  // |[-+]?[0-9][0-9_]*(?::[0-5]?[0-9])+\.[0-9_]*
  // |[-+]?\.(?:inf|Inf|INF)
  // |\.(?:nan|NaN|NAN)
  if (s == ".nan" || s == ".NaN" || s == ".NAN") return true;
  const std::size_t j = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
  const std::string_view rest = s.substr(j);
  if (rest == ".inf" || rest == ".Inf" || rest == ".INF") return true;
  if (j == 0 && s.size() >= 2 && s[0] == '.' && digit(s[1]) && exponent_to_end(s, digits_or_underscores(s, 2))) {
    return true;
  }
  if (j >= s.size() || !digit(s[j])) return false;
  const std::size_t k = digits_or_underscores(s, j + 1);  // ':' and '.' end it: one way to read it
  if (k < s.size() && s[k] == '.' && exponent_to_end(s, digits_or_underscores(s, k + 1))) return true;
  const std::size_t m = sexagesimal_parts(s, k);
  return m != std::string_view::npos && m < s.size() && s[m] == '.' && digits_or_underscores(s, m + 1) == s.size();
}

bool yaml_int_form(std::string_view s) {
  // [-+]?0b[0-1_]+|[-+]?0[0-7_]+|[-+]?(?:0|[1-9][0-9_]*)|[-+]?0x[0-9a-fA-F_]+
  // |[-+]?[1-9][0-9_]*(?::[0-5]?[0-9])+
  const std::size_t j = !s.empty() && (s[0] == '-' || s[0] == '+') ? 1 : 0;
  const std::string_view r = s.substr(j);
  if (r.empty()) return false;
  auto all_of_from = [&r](std::size_t from, auto pred) {
    if (from >= r.size()) return false;  // one or more
    return std::all_of(r.begin() + static_cast<std::ptrdiff_t>(from), r.end(), pred);
  };
  if (r[0] == '0') {
    if (r.size() == 1) return true;
    if (r[1] == 'b') return all_of_from(2, [](char c) { return c == '0' || c == '1' || c == '_'; });
    if (r[1] == 'x') {
      return all_of_from(2, [](char c) {
        return digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F') || c == '_';
      });
    }
    return all_of_from(1, [](char c) { return (c >= '0' && c <= '7') || c == '_'; });
  }
  if (!digit(r[0])) return false;
  const std::size_t k = digits_or_underscores(r, 1);
  return k == r.size() || sexagesimal_parts(r, k) == r.size();
}

ScalarTag resolve_plain_scalar(std::string_view s) {
  // PyYAML tries resolvers in registration order: bool, float, int, merge, null,
  // timestamp, value; the first whose pattern matches the whole scalar wins.
  // It picks the candidates by the first character, and so does this: most
  // scalars (words, sentences) start with one no resolver takes.
  if (!s.empty() && std::string_view("yYnNtTfFoO-+0123456789.<~=").find(s.front()) == std::string_view::npos) {
    return ScalarTag::Str;
  }
  if (yaml_bool_form(s)) return ScalarTag::Bool;
  if (yaml_float_form(s)) return ScalarTag::Float;
  if (yaml_int_form(s)) return ScalarTag::Int;
  if (s == "<<") return ScalarTag::Merge;
  if (yaml_null_form(s)) return ScalarTag::Null;
  if (may_be_timestamp(s) && full(timestamp_resolve_re(), s)) return ScalarTag::Timestamp;
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
      if (!yaml_int_form(s)) {
        error.message = "invalid literal for int(): '" + std::string(s) + "'";
        error.crash = true;
        return std::nullopt;
      }
      return construct_int(s);
    case ScalarTag::Float:
      if (!yaml_float_form(s) && !yaml_int_form(s)) {
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
