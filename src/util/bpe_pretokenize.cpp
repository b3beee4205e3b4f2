// The pre-tokenizers of cl100k_base and o200k_base, by hand. Their regexes
// (as js-tiktoken writes them, JavaScript semantics with the `u` flag):
//
// cl100k: 's|'t|'re|'ve|'m|'ll|'d (any case) | [^\r\n\pL\pN]?\pL+ | \pN{1,3}
//         | ' '?[^\s\pL\pN]+[\r\n]* | \s*[\r\n]+ | \s+(?!\S) | \s+
// o200k:  [^\r\n\pL\pN]?[Lu Lt Lm Lo M]*[Ll Lm Lo M]+(contraction)?
//         | [^\r\n\pL\pN]?[Lu Lt Lm Lo M]+[Ll Lm Lo M]*(contraction)? | \pN{1,3}
//         | ' '?[^\s\pL\pN]+[\r\n/]* | \s*[\r\n]+ | \s+(?!\S) | \s+
//
// Each alternative is matched as a backtracking engine would take it (the
// first alternative that matches, each quantifier as long as the rest still
// matches), in one pass over the code points. \s is JavaScript's: Zs, TAB to
// CR, U+2028, U+2029 and U+FEFF (not U+0085), as the reference runs it.
#include <array>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "skillscore/util/bpe.hpp"
#include "skillscore/util/unicode_category.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::util {
namespace {

using GC = GeneralCategory;

enum Class : unsigned char {
  k_letter = 1,       // \pL
  k_number = 2,       // \pN
  k_space = 4,        // \s
  k_newline = 8,      // \r or \n
  k_upperish = 16,    // o200k: Lu Lt Lm Lo M
  k_lowerish = 32,    // o200k: Ll Lm Lo M
};

unsigned char classify(char32_t c) {
  const GC g = general_category(c);
  unsigned char k = 0;
  if (is_letter(g)) k |= k_letter;
  if (is_number(g)) k |= k_number;
  if ((c >= 9 && c <= 13) || g == GC::Zs || c == 0x2028 || c == 0x2029 || c == 0xFEFF) k |= k_space;
  if (c == '\r' || c == '\n') k |= k_newline;
  if (g == GC::Lu || g == GC::Lt || g == GC::Lm || g == GC::Lo || is_mark(g)) k |= k_upperish;
  if (g == GC::Ll || g == GC::Lm || g == GC::Lo || is_mark(g)) k |= k_lowerish;
  return k;
}

// classify() of each ASCII character, from classify itself.
const std::array<unsigned char, 128>& ascii_classes() {
  static const std::array<unsigned char, 128> table = [] {
    std::array<unsigned char, 128> a{};
    for (char32_t c = 0; c < 128; ++c) a[c] = classify(c);
    return a;
  }();
  return table;
}

constexpr std::size_t k_kept_bytes = std::size_t{1} << 20;

// The text as code points: cls and offset hold at least n (offset n + 1)
// entries; beyond them, whatever an earlier text left. Five bytes a byte of
// text (thirteen when each code point and a 64-bit offset were kept: 104 MB
// for an 8 MB piece); the pieces' rules ask a code point only whether it is
// one ASCII character or another, which its first byte answers.
struct Cps {
  std::vector<unsigned char> cls;
  std::vector<std::uint32_t> offset;  // byte offset of each code point, and the size at the end
  const char* text = nullptr;
  std::size_t n = 0;
  // The first byte of code point i: the character itself when it is ASCII,
  // 0x80 or more (equal to no ASCII character) when not.
  unsigned char lead(std::size_t i) const { return static_cast<unsigned char>(text[offset[i]]); }
  bool has(std::size_t i, unsigned char k) const { return i < n && (cls[i] & k); }
  // [^\r\n\pL\pN]
  bool prefix(std::size_t i) const { return i < n && !(cls[i] & (k_newline | k_letter | k_number)); }
  // [^\s\pL\pN]
  bool other(std::size_t i) const { return i < n && !(cls[i] & (k_space | k_letter | k_number)); }
};

// 's 't 're 've 'm 'll 'd, ASCII letters in any case: the length matched at i (0: none).
std::size_t contraction(const Cps& t, std::size_t i) {
  if (i >= t.n || t.lead(i) != '\'' || i + 1 >= t.n) return 0;
  auto lower = [&](std::size_t k) -> char32_t { return k < t.n && t.lead(k) < 128 ? static_cast<char32_t>(t.lead(k) | 0x20) : 0; };
  const char32_t a = lower(i + 1);
  if (a == 's' || a == 't' || a == 'm' || a == 'd') return 2;
  const char32_t b = lower(i + 2);
  if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) return 3;
  return 0;
}

std::size_t run(const Cps& t, std::size_t i, unsigned char k) {
  while (t.has(i, k)) ++i;
  return i;
}

// The whitespace alternatives shared by both: \s*[\r\n]+ | \s+(?!\S) | \s+ at i (a space).
std::size_t spaces(const Cps& t, std::size_t i) {
  const std::size_t j = run(t, i, k_space);
  // \s*[\r\n]+: up to the last newline of the run.
  for (std::size_t m = j; m > i; --m) {
    if (t.cls[m - 1] & k_newline) return m;
  }
  if (j == t.n) return j;       // \s+(?!\S) at the end
  if (j - 1 > i) return j - 1;  // leave the last space to the next piece
  return j;                     // \s+
}

// ' '?[^\s\pL\pN]+ then a run of `tail`; 0 when it does not match at i.
std::size_t punctuation(const Cps& t, std::size_t i, bool slash) {
  std::size_t s = i;
  if (t.lead(i) == ' ' && t.other(i + 1)) s = i + 1;
  if (!t.other(s)) return 0;
  std::size_t e = s;
  while (t.other(e)) ++e;
  while (e < t.n && (t.lead(e) == '\r' || t.lead(e) == '\n' || (slash && t.lead(e) == '/'))) ++e;
  return e;
}

std::size_t digits(const Cps& t, std::size_t i) {
  std::size_t e = i;
  while (e < i + 3 && t.has(e, k_number)) ++e;
  return e;
}

std::size_t next_cl100k(const Cps& t, std::size_t i) {
  if (std::size_t c = contraction(t, i)) return i + c;
  // [^\r\n\pL\pN]?\pL+
  if (t.has(i, k_letter)) return run(t, i, k_letter);
  if (t.prefix(i) && t.has(i + 1, k_letter)) return run(t, i + 1, k_letter);
  if (t.has(i, k_number)) return digits(t, i);
  if (std::size_t e = punctuation(t, i, false)) return e;
  return spaces(t, i);
}

// o200k's first word alternative from s (after the optional prefix):
// [U]*[L]+, the U run giving back up to its last character that is also L
// (Lm Lo M are both). 0: no match.
std::size_t word1_o200k(const Cps& t, std::size_t s) {
  const std::size_t a = run(t, s, k_upperish);
  std::size_t e = 0;
  if (t.has(a, k_lowerish)) {
    e = run(t, a, k_lowerish);
  } else {
    for (std::size_t k = a; k > s && !e; --k) {
      if (t.cls[k - 1] & k_lowerish) e = k;
    }
  }
  return e ? e + contraction(t, e) : 0;
}

// The second: [U]+[L]*.
std::size_t word2_o200k(const Cps& t, std::size_t s) {
  const std::size_t a = run(t, s, k_upperish);
  if (a == s) return 0;
  const std::size_t e = run(t, a, k_lowerish);
  return e + contraction(t, e);
}

std::size_t next_o200k(const Cps& t, std::size_t i) {
  // Each alternative with its optional prefix character, then without it.
  const bool p = t.prefix(i);
  if (std::size_t e = p ? word1_o200k(t, i + 1) : 0) return e;
  if (std::size_t e = word1_o200k(t, i)) return e;
  if (std::size_t e = p ? word2_o200k(t, i + 1) : 0) return e;
  if (std::size_t e = word2_o200k(t, i)) return e;
  if (t.has(i, k_number)) return digits(t, i);
  if (std::size_t e = punctuation(t, i, true)) return e;
  return spaces(t, i);
}

}  // namespace

void pretokenize(Encoding e, std::string_view text, std::vector<Span>& out) {
  // The code points of the text, in buffers kept by the thread: filling them
  // is most of the work, and growing fresh vectors each call cost as much again.
  thread_local Cps t;
  const std::size_t size = text.size();
  // Offsets are 32 bits (files are read up to 16 MB; the default limit is 10 MB).
  if (size >= 0xFFFFFFFFu) throw std::length_error("token count: a text of 4 GiB or more");
  t.text = text.data();
  if (t.offset.size() < size + 1) {
    t.cls.resize(size);
    t.offset.resize(size + 1);
  }
  const auto& ascii = ascii_classes();
  std::size_t n = 0;
  for (std::size_t pos = 0; pos < size; ++n) {
    t.offset[n] = static_cast<std::uint32_t>(pos);
    const auto b = static_cast<unsigned char>(text[pos]);
    if (b < 0x80) {
      t.cls[n] = ascii[b];
      ++pos;
    } else {
      t.cls[n] = classify(decode_utf8(text, pos));
    }
  }
  t.n = n;
  t.offset[n] = static_cast<std::uint32_t>(size);
  for (std::size_t i = 0; i < t.n;) {
    std::size_t j = e == Encoding::O200kBase ? next_o200k(t, i) : next_cl100k(t, i);
    if (j <= i) j = i + 1;  // cannot happen (the last alternative takes any space); never loop
    out.push_back({t.offset[i], t.offset[j]});
    i = j;
  }
  // A thread keeps at most this much for the next text (5 bytes a byte).
  if (t.cls.size() > k_kept_bytes) t = Cps{};
}

}  // namespace skillscore::util
