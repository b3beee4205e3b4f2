#include "skillscore/rules/anchored_matcher.hpp"

#include <vector>

#include "python_escape.hpp"

namespace skillscore::rules {
namespace {

constexpr std::size_t k_max_positions = 64;

std::uint64_t bit(std::size_t p) { return std::uint64_t{1} << p; }

// The ASCII bytes a position accepts.
struct ByteSet {
  std::uint64_t lo = 0, hi = 0;  // bytes 0-63, 64-127
  void add(unsigned c) { (c < 64 ? lo : hi) |= bit(c & 63u); }
  void add_range(unsigned a, unsigned b) {
    for (unsigned c = a; c <= b; ++c) add(c);
  }
  bool has(unsigned c) const { return ((c < 64 ? lo : hi) >> (c & 63u)) & 1u; }
  bool operator==(const ByteSet&) const = default;
};

// What a position does with a character beyond ASCII.
enum class High { Reject, UnsureUnicode, UnsureAlways };

// A piece of the pattern in the position automaton's terms.
struct Frag {
  bool nullable = true;
  std::uint64_t first = 0;  // positions a match of the piece may start with
  std::uint64_t last = 0;   // positions it may end with
};

// Python's classes on ASCII (the ASCII form's, python_regex.cpp).
ByteSet class_of(char e) {
  ByteSet s;
  switch (e) {
    case 's': case 'S': s.add_range('\t', '\r'); s.add_range(0x1C, 0x20); break;
    case 'd': case 'D': s.add_range('0', '9'); break;
    default: s.add_range('0', '9'); s.add_range('A', 'Z'); s.add_range('a', 'z'); s.add('_'); break;
  }
  if (e == 'S' || e == 'D' || e == 'W') {
    s.lo = ~s.lo;
    s.hi = ~s.hi;
  }
  return s;
}

// Recursive descent over the supported subset, building the automaton:
// each character or class is one position; concatenation and the
// quantifiers add follow edges (Glushkov's construction).
class Parser {
 public:
  Parser(std::string_view src, RegexFlags flags) : src_(src), flags_(flags) {}

  bool run(Frag& out) { return sequence(out, 0) && i_ == src_.size(); }

  std::vector<ByteSet> sets;
  std::vector<High> high;
  std::array<std::uint64_t, k_max_positions> follow{};
  bool dollar = false;

 private:
  bool position(const ByteSet& s, High h, Frag& out) {
    if (sets.size() == k_max_positions) return false;
    const std::size_t p = sets.size();
    sets.push_back(s);
    high.push_back(h);
    out = Frag{false, bit(p), bit(p)};
    return true;
  }

  void link(std::uint64_t from, std::uint64_t to) {
    for (; from; from &= from - 1) follow[static_cast<std::size_t>(__builtin_ctzll(from))] |= to;
  }

  bool atom(Frag& out, int depth) {
    const char c = src_[i_++];
    if (c == '(') {
      if (i_ < src_.size() && src_[i_] == '?') {
        if (src_.substr(i_, 2) != "?:") return false;  // lookaround, inline flags, named groups
        i_ += 2;
      }
      if (!sequence(out, depth + 1) || i_ >= src_.size() || src_[i_] != ')') return false;
      ++i_;
      return true;
    }
    if (c == '\\') {
      if (i_ >= src_.size()) return false;
      const char e = src_[i_++];
      if (e == 's' || e == 'd' || e == 'w') return position(class_of(e), High::UnsureUnicode, out);
      if (e == 'S' || e == 'D' || e == 'W') return position(class_of(e), High::UnsureAlways, out);
      const auto lit = python_escaped_literal(e);
      if (!lit) return false;
      ByteSet s;
      s.add(static_cast<unsigned char>(*lit));
      return position(s, High::Reject, out);
    }
    if (c == '.') {
      ByteSet s;
      s.lo = s.hi = ~std::uint64_t{0};
      if (!flags_.dot_all) s.lo &= ~bit('\n');
      return position(s, High::UnsureAlways, out);
    }
    const auto u = static_cast<unsigned char>(c);
    if (python_meta(c) || u == 0 || u >= 0x80) return false;
    ByteSet s;
    s.add(u);
    return position(s, High::Reject, out);
  }

  bool sequence(Frag& out, int depth) {
    out = Frag{};
    while (i_ < src_.size() && src_[i_] != ')') {
      if (src_[i_] == '$') {
        // Only as the pattern's last character, under MULTILINE: before a newline or at the end.
        if (!flags_.multiline || depth != 0 || i_ + 1 != src_.size()) return false;
        dollar = true;
        ++i_;
        break;
      }
      Frag a;
      if (!atom(a, depth)) return false;
      if (i_ < src_.size() && (src_[i_] == '*' || src_[i_] == '+' || src_[i_] == '?')) {
        const char q = src_[i_++];
        if (i_ < src_.size() && src_[i_] == '?') ++i_;  // lazy: the same matches exist
        // A possessive quantifier (Python 3.11) or a repeated one: not here.
        if (i_ < src_.size() && std::string_view("*+?{").find(src_[i_]) != std::string_view::npos) return false;
        if (q != '?') link(a.last, a.first);
        if (q != '+') a.nullable = true;
      }
      link(out.last, a.first);
      const std::uint64_t first = out.nullable ? out.first | a.first : out.first;
      const std::uint64_t last = a.nullable ? out.last | a.last : a.last;
      out = Frag{out.nullable && a.nullable, first, last};
    }
    return true;
  }

  std::string_view src_;
  RegexFlags flags_;
  std::size_t i_ = 0;
};

}  // namespace

std::optional<AnchoredMatcher> AnchoredMatcher::compile(std::string_view source, RegexFlags flags,
                                                        const StartLiteral& lead) {
  const std::string& literal = lead.literal;
  if (flags.ignore_case || literal.empty()) return std::nullopt;
  if (lead.at_line_start) {
    if (source.empty() || source[0] != '^') return std::nullopt;
    source.remove_prefix(1);
  }
  Parser parser(source, flags);
  Frag whole;
  if (!parser.run(whole)) return std::nullopt;
  const std::size_t n = parser.sets.size();
  const std::size_t lead_n = literal.size();
  if (n < lead_n) return std::nullopt;
  // The first positions are the literal, once, in order: every match starts
  // with it and nothing leads back into it.
  const std::uint64_t lead_mask = lead_n == 64 ? ~std::uint64_t{0} : bit(lead_n) - 1;
  if (whole.first != bit(0)) return std::nullopt;
  for (std::size_t p = 0; p < n; ++p) {
    const std::uint64_t chain = p + 1 < lead_n ? bit(p + 1) : 0;
    if ((parser.follow[p] & lead_mask) != chain) return std::nullopt;
    if (p < lead_n) {
      ByteSet one;
      one.add(static_cast<unsigned char>(literal[p]));
      if (!(parser.sets[p] == one) || parser.high[p] != High::Reject) return std::nullopt;
      if (p + 1 < lead_n && (parser.follow[p] != chain || (whole.last & bit(p)))) return std::nullopt;
    } else if (parser.sets[p].has(static_cast<unsigned char>(literal[0]))) {
      return std::nullopt;  // a match could hold another candidate
    }
  }
  AnchoredMatcher m;
  m.lead_size_ = lead_n;
  m.start_ = parser.follow[lead_n - 1];
  m.last_ = whole.last;
  m.empty_rest_ = (whole.last & bit(lead_n - 1)) != 0;
  m.dollar_ = parser.dollar;
  for (std::size_t p = lead_n; p < n; ++p) {
    m.follow_[p] = parser.follow[p];
    for (unsigned b = 0; b < 128; ++b) {
      if (parser.sets[p].has(b)) m.reach_[b] |= bit(p);
    }
    if (parser.high[p] == High::UnsureAlways) m.unsure_always_ |= bit(p);
    if (parser.high[p] == High::UnsureUnicode) m.unsure_unicode_ |= bit(p);
  }
  return m;
}

AnchoredMatcher::Result AnchoredMatcher::match_at(std::string_view text, std::size_t at, bool ascii_classes) const {
  std::size_t i = at + lead_size_;
  if (empty_rest_ && ends_ok(text, i)) return Result::Match;
  const std::uint64_t unsure = ascii_classes ? unsure_always_ : unsure_always_ | unsure_unicode_;
  // `t`: the positions that may take text[i]. It empties at the latest at
  // the next occurrence of the literal's first byte, which no position takes.
  for (std::uint64_t t = start_; t != 0 && i < text.size(); ++i) {
    const auto b = static_cast<unsigned char>(text[i]);
    if (b >= 0x80) return (t & unsure) ? Result::Unsure : Result::NoMatch;
    const std::uint64_t m = t & reach_[b];
    if ((m & last_) && ends_ok(text, i + 1)) return Result::Match;
    std::uint64_t next = 0;
    for (std::uint64_t r = m; r; r &= r - 1) next |= follow_[static_cast<std::size_t>(__builtin_ctzll(r))];
    t = next;
  }
  return Result::NoMatch;
}

}  // namespace skillscore::rules
