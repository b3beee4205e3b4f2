#include "skillscore/rules/regex.hpp"

#include <vector>

namespace skillscore::rules {
namespace {

// Python's \s on str (str.isspace), as an RE2 class body.
constexpr std::string_view k_py_space =
    R"(\t\n\x0B\f\r\x1C-\x20\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000})";
// Python's \w on str is exactly [\p{L}\p{N}_] (checked over all of Unicode 14).
constexpr std::string_view k_py_word = R"(\p{L}\p{N}_)";
// Under IGNORECASE Python also matches 'i' with U+0130 and U+0131; RE2 does not.
constexpr std::string_view k_py_i_fold = "\xC4\xB0\xC4\xB1";

}  // namespace

std::optional<std::string> translate_python_regex(std::string_view src, RegexFlags flags, std::string& error) {
  std::string out;
  bool in_class = false;
  for (std::size_t i = 0; i < src.size(); ++i) {
    const char c = src[i];
    if (c == '\\' && i + 1 < src.size()) {
      const char e = src[++i];
      switch (e) {
        case 'w': out += in_class ? std::string(k_py_word) : "[" + std::string(k_py_word) + "]"; break;
        case 's': out += in_class ? std::string(k_py_space) : "[" + std::string(k_py_space) + "]"; break;
        case 'd': out += "\\p{Nd}"; break;
        case 'D': out += "\\P{Nd}"; break;
        case 'W':
        case 'S':
          if (in_class) {
            error = std::string("\\") + e + " inside a character class is not supported";
            return std::nullopt;
          }
          out += "[^" + std::string(e == 'W' ? k_py_word : k_py_space) + "]";
          break;
        case 'b':
        case 'B':
          error = "\\b and \\B are not supported (RE2's word boundary is ASCII-only, Python's is Unicode)";
          return std::nullopt;
        case 'Z': out += "\\z"; break;
        default:
          out += '\\';
          out += e;
      }
      continue;
    }
    if (in_class) {
      if (c == ']') in_class = false;
      out += c;
      if (flags.ignore_case && (c == 'i' || c == 'I')) out += k_py_i_fold;
      continue;
    }
    if (c == '[') {
      in_class = true;
      out += c;
      // A ']' right after '[' or '[^' is a literal member.
      if (i + 1 < src.size() && src[i + 1] == '^') out += src[++i];
      if (i + 1 < src.size() && src[i + 1] == ']') out += src[++i];
      continue;
    }
    if (c == '$' && !flags.multiline) {
      error = "'$' without MULTILINE is not supported (Python also matches before a final newline)";
      return std::nullopt;
    }
    if (flags.ignore_case && (c == 'i' || c == 'I')) {
      out += "[iI" + std::string(k_py_i_fold) + "]";
      continue;
    }
    out += c;
  }
  return out;
}

std::optional<Regex> Regex::compile(std::string_view source, RegexFlags flags, RegexDialect dialect,
                                    std::string& error) {
  std::string pattern(source);
  if (dialect == RegexDialect::Python) {
    auto translated = translate_python_regex(source, flags, error);
    if (!translated) return std::nullopt;
    pattern = std::move(*translated);
  }
  std::string prefix;
  if (flags.ignore_case) prefix += "i";
  if (flags.multiline) prefix += "m";
  if (flags.dot_all) prefix += "s";
  if (!prefix.empty()) pattern = "(?" + prefix + ")" + pattern;
  RE2::Options opts;
  opts.set_encoding(RE2::Options::EncodingUTF8);
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  auto re = std::make_shared<const RE2>(pattern, opts);
  if (!re->ok()) {
    error = re->error();
    return std::nullopt;
  }
  Regex r;
  r.source_ = std::string(source);
  r.re_ = std::move(re);
  return r;
}

std::optional<Match> Regex::search(std::string_view text) const {
  re2::StringPiece m;
  if (!re_->Match(re2::StringPiece(text.data(), text.size()), 0, text.size(), RE2::UNANCHORED, &m, 1)) {
    return std::nullopt;
  }
  const auto begin = static_cast<std::size_t>(m.data() - text.data());
  return Match{begin, begin + m.size()};
}

std::size_t Regex::count(std::string_view text, std::optional<Match>* first) const {
  const re2::StringPiece piece(text.data(), text.size());
  std::size_t n = 0;
  std::size_t pos = 0;
  re2::StringPiece m;
  while (pos <= text.size() && re_->Match(piece, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    const auto begin = static_cast<std::size_t>(m.data() - text.data());
    const auto end = begin + m.size();
    if (n == 0 && first) *first = Match{begin, end};
    ++n;
    if (m.size() > 0) {
      pos = end;
      continue;
    }
    // An empty match: the next search starts one code point further on.
    if (end >= text.size()) break;
    pos = end + 1;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
  return n;
}

bool Regex::find_groups(std::string_view text, std::size_t pos, Match& whole, std::string_view* groups,
                        int ngroups) const {
  std::vector<re2::StringPiece> sub(static_cast<std::size_t>(ngroups) + 1);
  if (!re_->Match(re2::StringPiece(text.data(), text.size()), pos, text.size(), RE2::UNANCHORED, sub.data(),
                  ngroups + 1)) {
    return false;
  }
  whole.begin = static_cast<std::size_t>(sub[0].data() - text.data());
  whole.end = whole.begin + sub[0].size();
  for (int g = 0; g < ngroups; ++g) {
    const auto& s = sub[static_cast<std::size_t>(g) + 1];
    groups[g] = s.data() ? std::string_view(s.data(), s.size()) : std::string_view();
  }
  return true;
}

}  // namespace skillscore::rules
