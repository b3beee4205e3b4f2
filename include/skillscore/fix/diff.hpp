#pragma once
// A unified diff of two texts, as `diff -u` writes it (what `patch -p1` and
// `git apply` read).
#include <string>
#include <string_view>

namespace skillscore::fix {

// "" when the texts are equal. Lines are compared whole (a CR is part of its
// line); a last line without a newline is marked "\ No newline at end of file".
std::string unified_diff(std::string_view before, std::string_view after, std::string_view before_name,
                         std::string_view after_name, std::size_t context = 3);

}  // namespace skillscore::fix
