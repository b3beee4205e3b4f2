#pragma once
// How the build tools write bytes into generated C++: `std::string_view("\x..", N)`,
// every byte escaped (a NUL, a quote or a byte beyond ASCII is data like any other),
// cut into lines of `per_line` bytes when it is given (large databases).
#include <cstdio>
#include <string>
#include <string_view>

namespace skillscore::tools {

inline std::string string_view_literal(std::string_view data, std::size_t per_line = 0) {
  std::string out = "std::string_view(\"";
  char buf[8];
  for (std::size_t i = 0; i < data.size(); ++i) {
    std::snprintf(buf, sizeof buf, "\\x%02x", static_cast<unsigned char>(data[i]));
    out += buf;
    if (per_line && i % per_line == per_line - 1) out += "\"\n    \"";
  }
  return out + "\", " + std::to_string(data.size()) + ")";
}

}  // namespace skillscore::tools
