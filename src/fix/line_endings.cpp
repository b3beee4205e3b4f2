// FX001: CRLF and lone CR become LF. Every reader of a skill (Python's
// universal newlines, skills-ref, skillscore) already sees LF, so the text
// means the same; diffs and editors stop showing the carriage returns.
#include <algorithm>

#include "fix_impl.hpp"
#include "skillscore/util/file_io.hpp"

namespace skillscore::fix::detail {

FixOutcome fix_line_endings(std::string_view text, const FixContext&) {
  FixOutcome out;
  out.count = static_cast<std::size_t>(std::count(text.begin(), text.end(), '\r'));
  out.text = out.count ? util::normalize_newlines(text) : std::string(text);
  return out;
}

}  // namespace skillscore::fix::detail
