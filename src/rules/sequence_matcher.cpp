#include "skillscore/rules/sequence_matcher.hpp"

#include <algorithm>
#include <array>
#include <cstring>

#include "python_escape.hpp"

namespace skillscore::rules {
namespace {

constexpr std::size_t k_npos = std::string_view::npos;
constexpr int k_max_groups = 8;

bool is_ascii_word(unsigned char c) { return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c == '_'; }
bool is_ascii_digit(unsigned char c) { return c >= '0' && c <= '9'; }

// text.find(lit, from) without a call to memcmp at every occurrence of the
// first byte: in Markdown the fence's '`' is mostly inline code.
std::size_t find_literal(std::string_view text, std::string_view lit, std::size_t from) {
  const std::size_t m = lit.size();
  if (m == 0) return from <= text.size() ? from : k_npos;
  if (from >= text.size() || text.size() - from < m) return k_npos;
  const char* base = text.data();
  const char* p = base + from;
  const char* const last = base + (text.size() - m);  // the last place a match may start
  while (p <= last) {
    p = static_cast<const char*>(std::memchr(p, lit[0], static_cast<std::size_t>(last - p) + 1));
    if (p == nullptr) return k_npos;
    std::size_t k = 1;
    while (k < m && p[k] == lit[k]) ++k;
    if (k == m) return static_cast<std::size_t>(p - base);
    ++p;
  }
  return k_npos;
}

}  // namespace

std::optional<SequenceMatcher> SequenceMatcher::compile(std::string_view src, RegexFlags flags) {
  if (flags.ignore_case) return std::nullopt;
  SequenceMatcher m;
  m.dot_all_ = flags.dot_all;
  auto literal = [&m]() -> std::string& {
    if (m.items_.empty() || m.items_.back().kind != Kind::Literal) m.items_.push_back(Item{});
    return m.items_.back().literal;
  };
  for (std::size_t i = 0; i < src.size(); ++i) {
    const char c = src[i];
    if (c == '(') {
      const auto close = src.find(')', i);
      if (close == k_npos) return std::nullopt;
      const std::string_view body = src.substr(i + 1, close - i - 1);
      Item item;
      if (body == "\\w*" || body == "\\w+") {
        item.kind = Kind::WordRun;
      } else if (body == "\\d*" || body == "\\d+") {
        item.kind = Kind::DigitRun;
      } else if (body == ".*?") {
        item.kind = Kind::Gap;
      } else {
        return std::nullopt;
      }
      item.at_least_one = body.back() == '+';
      m.items_.push_back(std::move(item));
      ++m.groups_;
      i = close;
      continue;
    }
    if (c == '\\') {
      if (i + 1 >= src.size()) return std::nullopt;
      const auto e = python_escaped_literal(src[++i]);
      if (!e) return std::nullopt;
      literal() += *e;
      continue;
    }
    if (std::strchr(".^$*+?{}[]|)", c) != nullptr && c != '\0') return std::nullopt;
    literal() += c;
  }
  // The shape that never backtracks: starts and ends with a literal; a run is
  // followed by a literal whose first character cannot continue it; the one
  // gap comes right before the final literal.
  const auto& items = m.items_;
  if (items.size() < 2 || items.front().kind != Kind::Literal || items.back().kind != Kind::Literal) return std::nullopt;
  if (m.groups_ > k_max_groups) return std::nullopt;
  for (std::size_t k = 1; k + 1 < items.size(); ++k) {
    const Item& next = items[k + 1];
    switch (items[k].kind) {
      case Kind::Literal: break;
      case Kind::WordRun:
      case Kind::DigitRun: {
        if (next.kind != Kind::Literal) return std::nullopt;
        const auto first = static_cast<unsigned char>(next.literal.front());
        if (first >= 0x80) return std::nullopt;
        if (items[k].kind == Kind::WordRun ? is_ascii_word(first) : is_ascii_digit(first)) return std::nullopt;
        break;
      }
      case Kind::Gap:
        if (k + 2 != items.size()) return std::nullopt;
        break;
    }
  }
  return m;
}

SequenceMatcher::Result SequenceMatcher::find_groups(std::string_view text, std::size_t pos, Match& whole,
                                                     std::string_view* groups, int ngroups) const {
  const std::size_t n = text.size();
  const std::string& first = items_.front().literal;
  // Memos that keep the scan linear when candidates overlap: the run that
  // starts anywhere in [run_from, run_to] ends at run_to; the gap that starts
  // anywhere in [gap_from, gap_limit] ends at gap_hit (k_npos: no closing
  // literal up to gap_limit). Candidates only move right, and so do these.
  std::size_t run_from = k_npos, run_to = k_npos;
  std::size_t gap_from = k_npos, gap_hit = k_npos, gap_limit = k_npos;
  std::array<std::string_view, k_max_groups> found{};
  for (std::size_t cand = pos; cand <= n;) {
    const std::size_t s = find_literal(text, first, cand);
    if (s == k_npos) return Result::NotFound;
    std::size_t i = s + first.size();
    int g = 0;
    bool ok = true;
    for (std::size_t k = 1; k < items_.size() && ok; ++k) {
      const Item& item = items_[k];
      switch (item.kind) {
        case Kind::Literal:
          ok = text.substr(i, item.literal.size()) == item.literal;
          i += item.literal.size();
          break;
        case Kind::WordRun:
        case Kind::DigitRun: {
          std::size_t j = i;
          if (run_from != k_npos && i >= run_from && i <= run_to) {
            j = run_to;
          } else {
            const bool word = item.kind == Kind::WordRun;
            while (j < n && (word ? is_ascii_word(static_cast<unsigned char>(text[j]))
                                  : is_ascii_digit(static_cast<unsigned char>(text[j])))) {
              ++j;
            }
            run_from = i;
            run_to = j;
          }
          // Whether a non-ASCII character continues the run is for RE2 to say.
          if (j < n && static_cast<unsigned char>(text[j]) >= 0x80) return Result::Unsure;
          ok = !(item.at_least_one && j == i);
          found[static_cast<std::size_t>(g++)] = text.substr(i, j - i);
          i = j;
          break;
        }
        case Kind::Gap: {
          const std::string& close = items_[k + 1].literal;
          if (!(gap_from != k_npos && i >= gap_from && i <= (gap_hit != k_npos ? gap_hit : gap_limit))) {
            // Without DOTALL the gap may not hold a newline: the closing
            // literal must start at or before the first one.
            std::size_t limit = n;
            if (!dot_all_) {
              const auto nl = text.find('\n', i);
              if (nl != k_npos) limit = nl;
            }
            const std::size_t window = limit == n ? n - i : std::min(n - i, limit - i + close.size());
            const auto hit = find_literal(text.substr(0, i + window), close, i);
            gap_from = i;
            gap_limit = limit;
            gap_hit = hit;
          }
          ok = gap_hit != k_npos;
          if (ok) {
            found[static_cast<std::size_t>(g++)] = text.substr(i, gap_hit - i);
            i = gap_hit;
          }
          break;
        }
      }
    }
    if (ok) {
      whole = Match{s, i};
      for (int k = 0; k < ngroups && k < groups_; ++k) groups[k] = found[static_cast<std::size_t>(k)];
      return Result::Found;
    }
    cand = s + 1;
  }
  return Result::NotFound;
}

}  // namespace skillscore::rules
