#pragma once
#include <cstddef>
#include <string_view>

namespace skillscore::util {

// The number of '\n' in `s`. std::count vectorizes badly here (it widens
// every byte compare to 64-bit lanes); this adds them up in byte lanes.
std::size_t count_newlines(std::string_view s);

}  // namespace skillscore::util
