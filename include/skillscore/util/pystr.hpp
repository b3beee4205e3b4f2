#pragma once
// The few Python str operations the reference relies on, with Python's Unicode
// semantics (str.isspace, str.strip, str.split, str.lower) on UTF-8 text.
#include <cstddef>
#include <string>
#include <string_view>

namespace skillscore::util {

// Python's str.isspace() for one code point.
bool py_is_space(char32_t cp);

// str.strip() with no argument; returns a view into `s`.
std::string_view py_strip(std::string_view s);

// len(s.split()) with no argument.
std::size_t py_split_count(std::string_view s);

// Lower-cases `s` for matching against ASCII needles. Exactly equal to Python's
// str.lower() on every ASCII character of the result: only A-Z, U+212A KELVIN
// SIGN (-> "k") and U+0130 (-> "i\u0307") lower-case to ASCII, and every other
// non-ASCII code point is kept as it is (its lower-case form is non-ASCII too).
std::string py_lower_for_ascii_match(std::string_view s);

bool is_ascii(std::string_view s);

// Lower-cases A-Z; every other byte stays (no locale is consulted). Branch-
// free, so that the compiler vectorizes a loop of it.
inline char ascii_lower(char c) {
  const auto u = static_cast<unsigned char>(c);
  return static_cast<char>(u | (static_cast<unsigned char>(u - 'A') < 26 ? 0x20 : 0));
}
// The same in place, for a whole string.
void ascii_lower(std::string& s);

}  // namespace skillscore::util
