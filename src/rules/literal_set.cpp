#include "skillscore/rules/literal_set.hpp"

#include <cstring>

#include "python_escape.hpp"
#include "skillscore/util/pystr.hpp"

namespace skillscore::rules {
namespace {

bool ascii_letter(char c) { return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z'); }

// The literal spelled by `s` (escapes resolved), or nullopt if `s` is not one.
std::optional<std::string> parse_literal(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '\\') {
      if (i + 1 >= s.size()) return std::nullopt;
      const auto e = python_escaped_literal(s[++i]);
      if (!e) return std::nullopt;
      out += *e;
    } else if (python_meta(s[i])) {
      return std::nullopt;
    } else {
      out += s[i];
    }
  }
  return out;
}

// Splits `s` at its top-level '|' (none may be escaped: literals only).
std::vector<std::string_view> alternatives(std::string_view s) {
  std::vector<std::string_view> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || (s[i] == '|' && (i == 0 || s[i - 1] != '\\'))) {
      out.push_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

}  // namespace

std::optional<LiteralSet> LiteralSet::compile(std::string_view source, RegexFlags flags) {
  // The choice, and what follows it.
  std::string_view choice = source;
  std::string_view tail;
  if (source.substr(0, 3) == "(?:" || (source.substr(0, 1) == "(" && source.substr(0, 2) != "(?")) {
    const std::size_t open = source[1] == '?' ? 3 : 1;
    const std::size_t close = source.find(')');
    if (close == std::string_view::npos) return std::nullopt;
    choice = source.substr(open, close - open);
    tail = source.substr(close + 1);
  }
  const auto suffix = parse_literal(tail);
  if (!suffix) return std::nullopt;
  LiteralSet set;
  set.ignore_case_ = flags.ignore_case;
  for (std::string_view alt : alternatives(choice)) {
    auto lit = parse_literal(alt);
    if (!lit) return std::nullopt;
    *lit += *suffix;
    if (lit->empty()) return std::nullopt;
    if (set.ignore_case_) {
      if (!util::is_ascii(*lit)) return std::nullopt;  // Unicode folding
      util::ascii_lower(*lit);
    }
    set.literals_.push_back(std::move(*lit));
  }
  set.last_ = set.literals_.front().back();
  if (set.ignore_case_ && ascii_letter(set.last_)) return std::nullopt;
  for (const auto& lit : set.literals_) {
    if (lit.back() != set.last_ || lit.find(set.last_) != lit.size() - 1) return std::nullopt;
  }
  return set;
}

std::optional<std::size_t> LiteralSet::count(std::string_view text, util::UnicodeClasses classes,
                                             std::optional<Match>* first) const {
  if (ignore_case_ && util::resolve_unicode_classes(classes, text) != util::UnicodeClasses::Unneeded) return std::nullopt;
  auto ends_here = [&](const std::string& lit, std::size_t end) {
    if (lit.size() > end) return false;
    const char* p = text.data() + end - lit.size();
    if (!ignore_case_) return std::memcmp(p, lit.data(), lit.size()) == 0;
    for (std::size_t i = 0; i < lit.size(); ++i) {
      if (util::ascii_lower(p[i]) != lit[i]) return false;
    }
    return true;
  };
  std::size_t n = 0;
  const char* const begin = text.data();
  const char* const end = begin + text.size();
  for (const char* at = begin; at < end;) {
    const void* hit = std::memchr(at, last_, static_cast<std::size_t>(end - at));
    if (hit == nullptr) break;
    const std::size_t stop = static_cast<std::size_t>(static_cast<const char*>(hit) - begin) + 1;
    // The longest literal ending here starts leftmost: that is the match.
    std::size_t longest = 0;
    for (const auto& lit : literals_) {
      if (lit.size() > longest && ends_here(lit, stop)) longest = lit.size();
    }
    if (longest > 0) {
      if (n == 0 && first) *first = Match{stop - longest, stop};
      ++n;
    }
    at = begin + stop;
  }
  return n;
}

}  // namespace skillscore::rules
