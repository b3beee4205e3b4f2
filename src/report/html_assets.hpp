#pragma once
// The style sheet and the scripts of the HTML report, inlined in every page.
// The page's Content-Security-Policy allows exactly these texts (by their
// SHA-256), so they are emitted byte for byte as they are here.
#include <string_view>

namespace skillscore::report::html {

extern const std::string_view k_style;
// In <head>: marks the page as scripted ("js") and limits the rows laid out
// while the table is parsed ("lim"; the main script takes over from it).
extern const std::string_view k_head_script;
// At the end of <body>: sorting, filtering, details.
extern const std::string_view k_script;

}  // namespace skillscore::report::html
