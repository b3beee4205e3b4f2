#pragma once
// One function per fix kind (one file each); fixes.cpp lists them in its table.
#include <string_view>

#include "skillscore/fix/fixes.hpp"

namespace skillscore::fix::detail {

FixOutcome fix_line_endings(std::string_view text, const FixContext& context);
FixOutcome fix_trailing_whitespace(std::string_view text, const FixContext& context);
FixOutcome fix_fence_language(std::string_view text, const FixContext& context);
FixOutcome fix_allowed_tools(std::string_view text, const FixContext& context);
FixOutcome fix_unknown_fields(std::string_view text, const FixContext& context);
FixOutcome fix_name_directory(std::string_view text, const FixContext& context);

// Where the Markdown body starts (after a closing '---' line; 0 without one)
// and its first line's number.
struct BodyStart {
  std::size_t offset = 0;
  std::size_t line = 1;
};
BodyStart body_start(std::string_view text);

}  // namespace skillscore::fix::detail
