#include "skillscore/util/pystr.hpp"

#include <array>

#include "skillscore/util/utf8.hpp"

namespace skillscore::util {

bool py_is_space(char32_t cp) {
  if (cp < 0x80) return (cp >= 0x09 && cp <= 0x0D) || (cp >= 0x1C && cp <= 0x20);
  switch (cp) {
    case 0x85: case 0xA0: case 0x1680: case 0x2028: case 0x2029:
    case 0x202F: case 0x205F: case 0x3000:
      return true;
    default:
      return cp >= 0x2000 && cp <= 0x200A;
  }
}

std::string_view py_strip(std::string_view s) {
  std::size_t begin = 0;
  while (begin < s.size()) {
    std::size_t next = begin;
    if (!py_is_space(decode_utf8(s, next))) break;
    begin = next;
  }
  std::size_t end = s.size();
  while (end > begin) {
    std::size_t start = end - 1;
    while (start > begin && (static_cast<unsigned char>(s[start]) & 0xC0) == 0x80) --start;
    std::size_t pos = start;
    if (!py_is_space(decode_utf8(s, pos))) break;
    end = start;
  }
  return s.substr(begin, end - begin);
}

std::size_t py_split_count(std::string_view s) {
  // py_is_space of each ASCII character, looked up rather than called per byte.
  static const auto ascii_space = [] {
    std::array<bool, 128> t{};
    for (char32_t c = 0; c < 128; ++c) t[c] = py_is_space(c);
    return t;
  }();
  std::size_t count = 0;
  bool in_word = false;
  std::size_t pos = 0;
  while (pos < s.size()) {
    // ASCII is its own code point: decoded only beyond it.
    const auto byte = static_cast<unsigned char>(s[pos]);
    bool space;
    if (byte < 0x80) {
      space = ascii_space[byte];
      ++pos;
    } else {
      space = py_is_space(decode_utf8(s, pos));
    }
    if (!space && !in_word) ++count;
    in_word = !space;
  }
  return count;
}

std::string py_lower_for_ascii_match(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t pos = 0;
  while (pos < s.size()) {
    const auto byte = static_cast<unsigned char>(s[pos]);
    if (byte < 0x80) {  // ASCII: no decoding
      out += static_cast<char>(byte >= 'A' && byte <= 'Z' ? byte - 'A' + 'a' : byte);
      ++pos;
      continue;
    }
    const std::size_t start = pos;
    const char32_t cp = decode_utf8(s, pos);
    if (cp >= 'A' && cp <= 'Z') {
      out += static_cast<char>(cp - 'A' + 'a');
    } else if (cp == 0x212A) {
      out += 'k';
    } else if (cp == 0x130) {
      out += "i\xCC\x87";
    } else {
      out.append(s.substr(start, pos - start));
    }
  }
  return out;
}

bool is_ascii(std::string_view s) { return skip_ascii(s, 0) == s.size(); }

void ascii_lower(std::string& s) {
  for (char& c : s) c = ascii_lower(c);
}

}  // namespace skillscore::util
