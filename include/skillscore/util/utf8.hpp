#pragma once
// Strict UTF-8 handling, matching what Python's "utf-8" codec accepts.
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace skillscore::util {

// Byte offset of the first invalid sequence (overlong forms, surrogates and
// code points above U+10FFFF are invalid, as in Python), or nullopt when valid.
std::optional<std::size_t> find_invalid_utf8(std::string_view bytes);

// The first offset at or after `pos` that holds a byte beyond ASCII (or the
// size): ASCII runs are skipped eight bytes at a time.
std::size_t skip_ascii(std::string_view s, std::size_t pos);

// Decodes the code point starting at `pos` of valid UTF-8 and advances `pos`.
char32_t decode_utf8(std::string_view s, std::size_t& pos);

// Appends the UTF-8 encoding of `cp`.
void append_utf8(std::string& out, char32_t cp);

// Number of code points in valid UTF-8 (Python's len()).
std::size_t count_code_points(std::string_view s);

// Replaces every invalid sequence with U+FFFD, for showing untrusted bytes (paths).
std::string sanitize_utf8(std::string_view bytes);

}  // namespace skillscore::util
