// Python `re` syntax -> RE2 syntax (translate_python_regex). One pass over the
// pattern; each construct with a translation of its own has its own function:
// escapes, group openings, character classes, and the characters between.
#include <string>

#include "skillscore/rules/regex.hpp"
#include "skillscore/util/unicode.hpp"

namespace skillscore::rules {
namespace {

// Python's \s on str (str.isspace), as an RE2 class body.
constexpr std::string_view k_py_space =
    R"(\t\n\x0B\f\r\x1C-\x20\x{85}\x{A0}\x{1680}\x{2000}-\x{200A}\x{2028}\x{2029}\x{202F}\x{205F}\x{3000})";
// Python's \w and \d on str come from Python's Unicode tables (util::python_word_class):
// RE2's \p{L}\p{N} and \p{Nd} follow its newer Unicode, where code points unassigned
// in Python 3.11 (Unicode 14.0) are letters and digits.
// The same classes restricted to ASCII, for the ASCII form (Regex::ascii_).
constexpr std::string_view k_ascii_word = "0-9A-Za-z_";
constexpr std::string_view k_ascii_space = R"(\t\n\x0B\f\r\x1C-\x20)";
// Under IGNORECASE Python also matches 'i' with U+0130 and U+0131; RE2 does not.
constexpr std::string_view k_py_i_fold = "\xC4\xB0\xC4\xB1";

// Translates one escape `\e` for use inside (in_class) or outside a class.
// With `ascii`, \w \W \d \D become their ASCII subsets: the same on ASCII text.
bool translate_escape(char e, bool in_class, std::string& out, std::string& error, bool ascii) {
  const std::string_view word = ascii ? k_ascii_word : util::python_word_class();
  const std::string_view digit = ascii ? std::string_view("0-9") : util::python_digit_class();
  const std::string_view space = ascii ? k_ascii_space : k_py_space;
  switch (e) {
    case 'w': out += in_class ? std::string(word) : "[" + std::string(word) + "]"; return true;
    case 's': out += in_class ? std::string(space) : "[" + std::string(space) + "]"; return true;
    case 'd': out += in_class ? std::string(digit) : "[" + std::string(digit) + "]"; return true;
    case 'D':
      if (in_class) {
        error = "\\D inside a character class is not supported";
        return false;
      }
      out += "[^" + std::string(digit) + "]";
      return true;
    case 'W':
    case 'S':
      if (in_class) {
        error = std::string("\\") + e + " inside a character class is not supported";
        return false;
      }
      out += "[^" + std::string(e == 'W' ? word : space) + "]";
      return true;
    case 'b':
    case 'B':
      if (in_class && e == 'b') {  // backspace inside a class
        out += "\\x08";
        return true;
      }
      error = "\\b and \\B are not supported (RE2's word boundary is ASCII-only, Python's is Unicode)";
      return false;
    case 'Z': out += "\\z"; return true;
    default:
      if (e >= '1' && e <= '9') {
        error = "backreferences are not supported (RE2 guarantees linear time)";
        return false;
      }
      out += '\\';
      out += e;
      return true;
  }
}

// Whether the class body (between '[' or '[^' and ']') contains 'i' or 'I',
// alone or inside a range, as Python's IGNORECASE then also matches U+0130/U+0131.
bool class_has_i(std::string_view body) {
  for (std::size_t k = 0; k < body.size(); ++k) {
    if (body[k] == '\\') {
      ++k;
      continue;
    }
    if (k + 2 < body.size() && body[k + 1] == '-' && body[k + 2] != '\\') {
      const char lo = body[k], hi = body[k + 2];
      if ((lo <= 'i' && 'i' <= hi) || (lo <= 'I' && 'I' <= hi)) return true;
      k += 2;
      continue;
    }
    if (body[k] == 'i' || body[k] == 'I') return true;
    if (body.substr(k, 2) == "\xC4\xB0" || body.substr(k, 2) == "\xC4\xB1") return true;
  }
  return body.find("\\x69") != std::string_view::npos || body.find("\\x49") != std::string_view::npos;
}

// One translation in progress. Each step reads the construct at `i`, appends
// its translation and leaves `i` on the construct's last character; false
// (with `error` set) when RE2 cannot express it exactly.
class Translator {
 public:
  Translator(std::string_view src, RegexFlags flags, std::string& error, bool ascii)
      : src_(src),
        flags_(flags),
        error_(error),
        ascii_(ascii),
        fold_i_(flags.ignore_case),
        // Python's IGNORECASE folds i and I with U+0130 and U+0131 too; the ASCII
        // form is for texts without letters beyond ASCII, so it leaves them out.
        i_fold_(ascii ? std::string() : std::string(k_py_i_fold)) {}

  std::optional<std::string> run() {
    for (i_ = 0; i_ < src_.size(); ++i_) {
      if (!step()) return std::nullopt;
    }
    return std::move(out_);
  }

 private:
  bool step() {
    const char c = src_[i_];
    if (fold_i_ && (src_.substr(i_, 4) == "\\x69" || src_.substr(i_, 4) == "\\x49")) {
      out_ += "[iI" + i_fold_ + "]";
      i_ += 3;
      return true;
    }
    if (c == '\\' && i_ + 1 < src_.size()) return translate_escape(src_[++i_], false, out_, error_, ascii_);
    if (fold_i_ && (src_.substr(i_, 2) == "\xC4\xB0" || src_.substr(i_, 2) == "\xC4\xB1")) {
      out_ += "[iI" + std::string(k_py_i_fold) + "]";
      ++i_;
      return true;
    }
    if (c == '(' && i_ + 1 < src_.size() && src_[i_ + 1] == '?') return group_opening();
    if (c == '[') return char_class();
    if (c == '$' && !flags_.multiline) return fail("'$' without MULTILINE is not supported (Python also matches before a final newline)");
    if (fold_i_ && (c == 'i' || c == 'I')) {
      out_ += ascii_ ? std::string(1, c) : "[iI" + i_fold_ + "]";
      return true;
    }
    out_ += c;
    return true;
  }

  // `(?...`: group syntax is copied as it is, never translated: (?:, (?P<name>, (?i)...
  bool group_opening() {
    const std::size_t j = i_ + 2;
    if (j < src_.size() && src_[j] == 'P' && j + 1 < src_.size() && src_[j + 1] == '<') {
      const auto close = src_.find('>', j);
      if (close == std::string_view::npos) return fail("unterminated group name");
      out_.append(src_.substr(i_, close + 1 - i_));
      i_ = close;
      return true;
    }
    if (j < src_.size() && (src_[j] == '#' || (src_[j] == 'P' && j + 1 < src_.size() && src_[j + 1] == '='))) {
      return fail(src_[j] == '#' ? "(?#...) comments are not supported" : "backreferences are not supported");
    }
    std::size_t k = j;
    while (k < src_.size() && std::string_view("aiLmsux-").find(src_[k]) != std::string_view::npos) ++k;
    if (k > j && k < src_.size() && (src_[k] == ')' || src_[k] == ':')) return inline_flags(src_.substr(j, k - j), k);
    out_ += "(?";
    ++i_;
    return true;
  }

  // `(?letters)` or `(?letters:`, the letters ending before `end`.
  bool inline_flags(std::string_view letters, std::size_t end) {
    for (char f : letters) {
      if (f == 'a' || f == 'L' || f == 'x') return fail(std::string("inline flag '") + f + "' is not supported");
    }
    const auto minus = letters.find('-');
    if (letters.substr(0, minus).find('i') != std::string_view::npos) fold_i_ = true;
    std::string kept;
    for (char f : letters) {
      if (f != 'u') kept += f;
    }
    out_ += "(?" + kept;
    i_ = end - 1;
    return true;
  }

  // `[...]`: its escapes translated for a class, and U+0130/U+0131 added where Python folds them.
  bool char_class() {
    // Find the class's end: ']' right after '[' or '[^' is a literal member.
    std::size_t k = i_ + 1;
    std::string prefix = "[";
    if (k < src_.size() && src_[k] == '^') {
      prefix += '^';
      ++k;
    }
    const std::size_t body_start = k;
    if (k < src_.size() && src_[k] == ']') ++k;
    while (k < src_.size() && src_[k] != ']') k += src_[k] == '\\' ? 2 : 1;
    if (k >= src_.size()) return fail("unterminated character class");
    const std::string_view body = src_.substr(body_start, k - body_start);
    std::string translated;
    for (std::size_t b = 0; b < body.size(); ++b) {
      if (body[b] == '\\' && b + 1 < body.size()) {
        if (!translate_escape(body[++b], true, translated, error_, ascii_)) return false;
      } else {
        translated += body[b];
      }
    }
    if (fold_i_ && class_has_i(body)) translated += "iI" + i_fold_;
    out_ += prefix + translated + "]";
    i_ = k;
    return true;
  }

  bool fail(std::string message) {
    error_ = std::move(message);
    return false;
  }

  std::string_view src_;
  RegexFlags flags_;
  std::string& error_;
  bool ascii_;
  bool fold_i_;  // IGNORECASE holds here (from the flags or an inline (?i))
  std::string i_fold_;
  std::string out_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<std::string> translate_python_regex(std::string_view src, RegexFlags flags, std::string& error) {
  return translate_python_regex(src, flags, error, false);
}

std::optional<std::string> translate_python_regex(std::string_view src, RegexFlags flags, std::string& error,
                                                  bool ascii) {
  return Translator(src, flags, error, ascii).run();
}

}  // namespace skillscore::rules
