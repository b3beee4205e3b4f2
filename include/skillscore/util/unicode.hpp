#pragma once
// Unicode operations with Python's results (tables generated from Python's
// unicodedata by scripts/gen_unicode_tables.py; see unicode_version()).
#include <string>
#include <string_view>

namespace skillscore::util {

// unicodedata.normalize("NFKC", s) for valid UTF-8.
std::string nfkc(std::string_view s);

// s == s.lower() in Python (no code point is changed by lower-casing).
bool is_lower_stable(std::string_view s);

// Whether Python's \w, \d and \s on a text need their Unicode forms: when
// the text has no letter, digit or space beyond ASCII, their ASCII forms
// accept the same characters of it (and so do i and I under IGNORECASE,
// which Python also folds with U+0130 and U+0131, two letters).
enum class UnicodeClasses : unsigned char { Unknown, Unneeded, Needed };

// Whether `s` (valid UTF-8) has a character beyond ASCII that Python's
// str.isalnum() or str.isspace() accepts.
bool needs_unicode_classes(std::string_view s);

// Python's \w (str.isalnum() or '_') and \d (str.isdecimal()) on str, as RE2
// character-class bodies (no brackets) from Python's Unicode version: RE2's own
// \p{L}, \p{N} and \p{Nd} follow a newer one, where more code points are letters.
std::string_view python_word_class();
std::string_view python_digit_class();

// `known` when it says something, else what `s` needs.
inline UnicodeClasses resolve_unicode_classes(UnicodeClasses known, std::string_view s) {
  if (known != UnicodeClasses::Unknown) return known;
  return needs_unicode_classes(s) ? UnicodeClasses::Needed : UnicodeClasses::Unneeded;
}

// The Unicode version of the tables ("14.0.0").
const char* unicode_version();

}  // namespace skillscore::util
