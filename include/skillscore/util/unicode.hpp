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

// What is known of a text's letters and digits beyond ASCII (where Python's
// \w and \d differ from their ASCII forms).
enum class NonAsciiAlnum : unsigned char { Unknown, Absent, Present };

// Whether `s` (valid UTF-8) has a character beyond ASCII that Python's
// str.isalnum() accepts: one that Python's \w or \d could match there.
bool has_non_ascii_alnum(std::string_view s);

// The Unicode version of the tables ("14.0.0").
const char* unicode_version();

}  // namespace skillscore::util
