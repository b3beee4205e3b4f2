#include "skillscore/util/glob.hpp"

#include <vector>

namespace skillscore::util {
namespace {

bool class_match(std::string_view pat, std::size_t& p, char c) {
  // pat[p] == '['; on return p is past the closing ']'.
  std::size_t i = p + 1;
  bool negate = false;
  if (i < pat.size() && (pat[i] == '!' || pat[i] == '^')) {
    negate = true;
    ++i;
  }
  bool matched = false;
  bool first = true;
  while (i < pat.size() && (first || pat[i] != ']')) {
    first = false;
    if (i + 2 < pat.size() && pat[i + 1] == '-' && pat[i + 2] != ']') {
      if (c >= pat[i] && c <= pat[i + 2]) matched = true;
      i += 3;
    } else {
      if (c == pat[i]) matched = true;
      ++i;
    }
  }
  p = i < pat.size() ? i + 1 : i;
  return matched != negate;
}

// Matches one segment (no '/') against a segment pattern with * ? [..].
bool segment_match(std::string_view pat, std::string_view s) {
  std::size_t p = 0, i = 0, star_p = std::string_view::npos, star_i = 0;
  while (i < s.size()) {
    if (p < pat.size() && pat[p] == '*') {
      star_p = p++;
      star_i = i;
    } else if (p < pat.size() && pat[p] == '?') {
      ++p;
      ++i;
    } else if (p < pat.size() && pat[p] == '[') {
      std::size_t q = p;
      if (class_match(pat, q, s[i])) {
        p = q;
        ++i;
      } else if (star_p != std::string_view::npos) {
        p = star_p + 1;
        i = ++star_i;
      } else {
        return false;
      }
    } else if (p < pat.size() && pat[p] == s[i]) {
      ++p;
      ++i;
    } else if (star_p != std::string_view::npos) {
      p = star_p + 1;
      i = ++star_i;
    } else {
      return false;
    }
  }
  while (p < pat.size() && pat[p] == '*') ++p;
  return p == pat.size();
}

std::vector<std::string_view> split(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  while (true) {
    const auto slash = s.find('/', start);
    const auto part = s.substr(start, slash - start);
    if (!part.empty()) out.push_back(part);
    if (slash == std::string_view::npos) break;
    start = slash + 1;
  }
  return out;
}

bool segments_match(const std::vector<std::string_view>& pat, std::size_t pi, const std::vector<std::string_view>& s,
                    std::size_t si) {
  if (pi == pat.size()) return si == s.size();
  if (pat[pi] == "**") {
    for (std::size_t k = si; k <= s.size(); ++k) {
      if (segments_match(pat, pi + 1, s, k)) return true;
    }
    return false;
  }
  return si < s.size() && segment_match(pat[pi], s[si]) && segments_match(pat, pi + 1, s, si + 1);
}

}  // namespace

bool glob_match(std::string_view pattern, std::string_view path) {
  while (pattern.substr(0, 2) == "./") pattern.remove_prefix(2);
  while (path.substr(0, 2) == "./") path.remove_prefix(2);
  const auto segs = split(path);
  if (pattern.find('/') == std::string_view::npos) {
    for (const auto& seg : segs) {
      if (segment_match(pattern, seg)) return true;
    }
    return false;
  }
  return segments_match(split(pattern), 0, segs, 0);
}

}  // namespace skillscore::util
