// RE2 patterns in the PCRE syntax Vectorscan reads, when the meaning is
// surely the same: anything else is left to RE2 (nullopt).
#include <algorithm>
#include <cctype>
#include <cstdint>
#include <string>

#include "skillscore/rules/vectorscan_set.hpp"

namespace skillscore::rules {
namespace {

// Symbol blocks without any cased character (checked with Python's
// str.lower/upper/casefold): under IGNORECASE they fold to nothing in either
// engine. Elsewhere a character beyond ASCII might fold onto an ASCII letter
// in RE2 ('ſ', the Kelvin sign) and not in Vectorscan without Unicode support.
bool case_free(std::uint32_t cp) {
  static constexpr std::uint32_t k_blocks[][2] = {
      {0x2190, 0x23FF},    // arrows, mathematical operators, technical
      {0x2500, 0x27BF},    // box drawing to dingbats (✅ ❌)
      {0x2900, 0x2BFF},    // supplemental arrows, symbols
      {0xFE00, 0xFE0F},    // variation selectors
      {0x1F000, 0x1FAFF},  // emoji
  };
  if (cp < 0x80) return true;
  for (const auto& b : k_blocks) {
    if (cp >= b[0] && cp <= b[1]) return true;
  }
  return false;
}

// Characters beyond ASCII, outside those blocks, that fold to no other
// character in RE2 nor in Vectorscan's UTF-8 caseless mode (each engine was
// asked with every code point): the Unicode spaces of Python's \s, and the
// Turkish dotted and dotless i that the Python forms spell out ([iIİı]).
bool folds_to_itself(std::uint32_t cp) {
  static constexpr std::uint32_t k_ranges[][2] = {
      {0x85, 0x85}, {0xA0, 0xA0}, {0x130, 0x131}, {0x1680, 0x1680}, {0x2000, 0x200A},
      {0x2028, 0x2029}, {0x202F, 0x202F}, {0x205F, 0x205F}, {0x3000, 0x3000},
  };
  for (const auto& r : k_ranges) {
    if (cp >= r[0] && cp <= r[1]) return true;
  }
  return false;
}

// Whether every character of [lo, hi] beyond ASCII is one of the above, or
// in one case-free block: then IGNORECASE means the same in both engines
// (ASCII letters fold alike in both, 'k' and 's' to the Kelvin sign and the
// long s as well).
bool fold_safe(std::uint32_t lo, std::uint32_t hi) {
  if (hi < 0x80) return true;
  lo = std::max<std::uint32_t>(lo, 0x80);
  if (hi - lo > 0x1000) return false;  // wide ranges: not worth the walk
  for (std::uint32_t cp = lo; cp <= hi; ++cp) {
    if (!case_free(cp) && !folds_to_itself(cp)) return false;
  }
  return true;
}

bool is_hex(char c) { return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }

struct Converter {
  std::string_view in;
  std::size_t i = 0;
  bool caseless = false;  // IGNORECASE anywhere in the pattern
  VectorscanTexts texts = VectorscanTexts::NoUnicodeClasses;
  std::string out;
  // The code point of the last member escape() or copy_utf8() read, -1 for
  // a class escape ('\d'): char_class() sees ranges with it.
  long last_cp = -1;

  // One UTF-8 character at in[i] (valid: RE2 parsed the pattern), copied.
  bool copy_utf8() {
    const auto lead = static_cast<unsigned char>(in[i]);
    const std::size_t n = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : 2;
    if (i + n > in.size()) return false;
    std::uint32_t cp = lead & (n == 4 ? 0x07 : n == 3 ? 0x0F : 0x1F);
    for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(in[i + k]) & 0x3F);
    if (caseless && !fold_safe(cp, cp)) return false;
    last_cp = static_cast<long>(cp);
    out.append(in.substr(i, n));
    i += n;
    return true;
  }

  // An escape at in[i] == '\\'; `in_class` inside [...].
  bool escape(bool in_class) {
    if (i + 1 >= in.size()) return false;
    const char e = in[i + 1];
    const auto u = static_cast<unsigned char>(e);
    last_cp = -1;
    if (u < 0x80 && !std::isalnum(u) && u >= 0x20) {  // '\.', '\*', '\ ': the character itself
      last_cp = u;
      out += '\\';
      out += e;
      i += 2;
      return true;
    }
    switch (e) {
      case 't': case 'n': case 'r': case 'f':
        last_cp = e == 't' ? 9 : e == 'n' ? 10 : e == 'r' ? 13 : 12;
        [[fallthrough]];
      case 'd': case 'w':  // ASCII in both without Unicode properties
        out += '\\';
        out += e;
        i += 2;
        return true;
      case 'D': case 'W':
        if (in_class || negation_folds()) return false;
        out += '\\';
        out += e;
        i += 2;
        return true;
      case 'v': out += "\\x0B"; i += 2; last_cp = 0x0B; return true;  // PCRE's \v is a class
      case 's':  // RE2's \s; PCRE's has \v too
        out += in_class ? "\\t\\n\\f\\r " : "[\\t\\n\\f\\r ]";
        i += 2;
        return true;
      case 'S':
        if (in_class || negation_folds()) return false;
        out += "[^\\t\\n\\f\\r ]";
        i += 2;
        return true;
      case 'A': case 'z':
        if (in_class) return false;
        out += '\\';
        out += e;
        i += 2;
        return true;
      case 'x': {
        std::size_t k = i + 2;
        std::string hex;
        if (k < in.size() && in[k] == '{') {
          for (++k; k < in.size() && is_hex(in[k]); ++k) hex += in[k];
          if (k >= in.size() || in[k] != '}' || hex.empty() || hex.size() > 6) return false;
          ++k;
        } else {
          for (; k < in.size() && hex.size() < 2 && is_hex(in[k]); ++k) hex += in[k];
          if (hex.size() != 2) return false;
        }
        const auto cp = static_cast<std::uint32_t>(std::stoul(hex, nullptr, 16));
        if (cp > 0x10FFFF || (caseless && !fold_safe(cp, cp))) return false;
        last_cp = static_cast<long>(cp);
        out += "\\x{" + hex + "}";
        i = k;
        return true;
      }
      default: return false;  // \b, \p, \Q, \C, octal, ...
    }
  }

  // A negated class (or \D, \W, \S) under IGNORECASE on any text: RE2
  // folds the class before negating it ('(?i)\W' matches 'k', whose Kelvin
  // sign is in \W), which is not known to be Vectorscan's reading. On texts
  // without letters beyond ASCII the two agree.
  bool negation_folds() const { return caseless && texts == VectorscanTexts::Any; }

  bool char_class() {
    out += '[';
    ++i;
    if (i < in.size() && in[i] == '^') {
      if (negation_folds()) return false;
      out += '^';
      ++i;
    }
    if (i < in.size() && in[i] == ']') {  // a leading ']' is a member
      out += "\\]";
      ++i;
    }
    // Each member's code points, for the IGNORECASE check: a range between
    // case-free ends may span cased letters.
    long range_from = -1;  // the start of a range whose '-' was just read
    long prev = -1;        // the last single member
    auto member = [&](long cp) {
      if (cp < 0) {
        prev = range_from = -1;
        return true;
      }
      const long lo = range_from >= 0 ? range_from : cp;
      prev = range_from >= 0 ? -1 : cp;  // 'a-c-e' is a-c, '-' and 'e'
      range_from = -1;
      // On any text, the classes beyond ASCII are kept to the few characters
      // above, with or without IGNORECASE: with Python's \d or \w spelled out
      // (hundreds of ranges) in a database of many patterns, Vectorscan 5.4.9
      // missed matches of them (the test "on any text" found it).
      if (!caseless && texts != VectorscanTexts::Any) return true;
      return lo <= cp && fold_safe(static_cast<std::uint32_t>(lo), static_cast<std::uint32_t>(cp));
    };
    while (i < in.size() && in[i] != ']') {
      const char c = in[i];
      if (c == '[' && i + 1 < in.size() && (in[i + 1] == ':' || in[i + 1] == '=' || in[i + 1] == '.')) return false;
      if (c == '\\') {
        if (!escape(true) || !member(last_cp)) return false;
        continue;
      }
      if (static_cast<unsigned char>(c) >= 0x80) {
        if (!copy_utf8() || !member(last_cp)) return false;
        continue;
      }
      if (c == '\0') return false;
      if (c == '-' && prev >= 0 && range_from < 0 && i + 1 < in.size() && in[i + 1] != ']') {
        range_from = prev;  // the next member ends the range
        prev = -1;
        out += c;
        ++i;
        continue;
      }
      if (!member(static_cast<unsigned char>(c))) return false;
      if (c == '[') {
        out += "\\[";
      } else {
        out += c;
      }
      ++i;
    }
    if (i >= in.size() || range_from >= 0) return false;
    out += ']';
    ++i;
    return true;
  }

  bool group() {
    if (i + 1 < in.size() && in[i + 1] != '?') {  // captures mean nothing to a presence answer
      out += "(?:";
      ++i;
      return true;
    }
    std::size_t k = i + 2;
    if (k < in.size() && (in[k] == 'P' || in[k] == '<') && in.find('>', k) != std::string_view::npos &&
        !(in[k] == '<' && k + 1 < in.size() && (in[k + 1] == '=' || in[k + 1] == '!'))) {
      out += "(?:";
      i = in.find('>', k) + 1;
      return true;
    }
    std::size_t j = k;
    while (j < in.size() && (in[j] == 'i' || in[j] == 'm' || in[j] == 's' || in[j] == '-')) ++j;
    if (j >= in.size() || (in[j] != ':' && in[j] != ')')) return false;
    out.append(in.substr(i, j + 1 - i));
    i = j + 1;
    return true;
  }

  // '{n}', '{n,}', '{n,m}': bounded, since large counts blow up
  // Vectorscan's compile; anything else is a literal '{' in RE2.
  bool repeat() {
    constexpr unsigned long k_max_count = 64;
    std::size_t k = i + 1;
    std::string lo, hi;
    bool comma = false;
    while (k < in.size() && std::isdigit(static_cast<unsigned char>(in[k]))) lo += in[k++];
    if (k < in.size() && in[k] == ',') {
      comma = true;
      for (++k; k < in.size() && std::isdigit(static_cast<unsigned char>(in[k]));) hi += in[k++];
    }
    if (lo.empty() || k >= in.size() || in[k] != '}') {
      out += "\\{";
      ++i;
      return true;
    }
    if (lo.size() > 3 || hi.size() > 3 || std::stoul(lo) > k_max_count || (!hi.empty() && std::stoul(hi) > k_max_count) ||
        (comma && hi.empty() && std::stoul(lo) > k_max_count)) {
      return false;
    }
    out.append(in.substr(i, k + 1 - i));
    i = k + 1;
    return true;
  }
};

// Whether any flag group turns on `flag` ('i') or mentions it at all.
bool flag_group_has(std::string_view p, char flag, bool only_on) {
  for (std::size_t at = p.find("(?"); at != std::string_view::npos; at = p.find("(?", at + 2)) {
    bool on = true;
    for (std::size_t k = at + 2; k < p.size() && p[k] != ')' && p[k] != ':'; ++k) {
      if (p[k] == '-') on = false;
      else if (p[k] == flag && (on || !only_on)) return true;
      else if (p[k] != 'i' && p[k] != 'm' && p[k] != 's') break;
    }
  }
  return false;
}

}  // namespace

std::optional<VectorscanExpression> to_vectorscan(std::string_view re2_pattern, VectorscanTexts texts) {
  VectorscanExpression expr;
  std::string_view p = re2_pattern;
  // The leading flags Regex::compile puts in front become database flags.
  if (p.size() > 2 && p.substr(0, 2) == "(?") {
    std::size_t k = 2;
    bool flags_only = true;
    for (; k < p.size() && p[k] != ')'; ++k) {
      if (p[k] == 'i') expr.caseless = true;
      else if (p[k] == 'm') expr.multiline = true;
      else if (p[k] == 's') expr.dot_all = true;
      else flags_only = false;
    }
    if (flags_only && k < p.size() && k > 2) {
      p.remove_prefix(k + 1);
    } else {
      expr = VectorscanExpression{};
    }
  }
  // '$' is the end of the text in RE2 and before a final newline too in
  // PCRE, so it is only taken under MULTILINE throughout.
  const bool dollar_ok = expr.multiline && !flag_group_has(p, 'm', false);
  Converter c{p, 0, expr.caseless || flag_group_has(p, 'i', true), texts, {}};
  while (c.i < p.size()) {
    const char ch = p[c.i];
    bool ok = true;
    switch (ch) {
      case '\\': ok = c.escape(false); break;
      case '[': ok = c.char_class(); break;
      case '(': ok = c.group(); break;
      case '{': ok = c.repeat(); break;
      case '}': c.out += "\\}"; ++c.i; break;
      case '$':
        ok = dollar_ok;
        c.out += ch;
        ++c.i;
        break;
      case '\0': ok = false; break;
      default:
        if (static_cast<unsigned char>(ch) >= 0x80) {
          ok = c.copy_utf8();
        } else {
          c.out += ch;
          ++c.i;
        }
    }
    if (!ok) return std::nullopt;
  }
  expr.pattern = std::move(c.out);
  return expr;
}

}  // namespace skillscore::rules
