#pragma once
// Helpers of the HTML report (html_reporter.cpp): escaping for HTML text and
// attributes, JSON that is safe inside a <script> element, and the SHA-256
// digests of the inline style and script that the page's Content-Security-
// Policy allows (and nothing else).
#include <array>
#include <cstdint>
#include <string>
#include <string_view>

namespace skillscore::report::html {

// Text or a quoted attribute value: & < > " ' escaped; invalid UTF-8 replaced
// with U+FFFD.
std::string escape(std::string_view s);
void append_escaped(std::string& out, std::string_view s);

// A JSON string literal (with quotes) that cannot end or confuse the <script>
// element it sits in: < > & U+2028 U+2029 written as \u003c \u003e \u0026
// \u2028 \u2029, besides the usual JSON escapes.
std::string script_json_string(std::string_view s);

// SHA-256 (FIPS 180-4) of `bytes`.
std::array<std::uint8_t, 32> sha256(std::string_view bytes);

// Standard base64 with padding.
std::string base64(const std::uint8_t* data, std::size_t size);

// "'sha256-...'" : a CSP source expression for an inline element's text.
std::string csp_hash(std::string_view text);

}  // namespace skillscore::report::html
