#pragma once
#include <string_view>

namespace skillscore::util {

// Shell-style matching of a relative path with '/' separators:
// `*` and `?` stay within one path segment, `**` spans any number of
// segments, `[abc]` / `[!a-z]` are classes. A pattern without '/' matches
// the file name or any one directory name of the path (as in .gitignore).
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace skillscore::util
