#include "skillscore/rules/regex.hpp"

#include <cctype>
#include <stdexcept>
#include <vector>

#include "skillscore/rules/anchored_matcher.hpp"
#include "skillscore/rules/literal_set.hpp"
#include "skillscore/rules/sequence_matcher.hpp"
#include "skillscore/rules/verified_patterns.hpp"
#include "skillscore/util/pystr.hpp"
#include "python_escape.hpp"

namespace skillscore::rules {

namespace {

std::string with_flags(std::string pattern, RegexFlags flags) {
  std::string prefix;
  if (flags.ignore_case) prefix += "i";
  if (flags.multiline) prefix += "m";
  if (flags.dot_all) prefix += "s";
  return prefix.empty() ? pattern : "(?" + prefix + ")" + pattern;
}

RE2::Options re2_options() {
  RE2::Options opts;
  opts.set_encoding(RE2::Options::EncodingUTF8);
  opts.set_log_errors(false);
  opts.set_max_mem(64 << 20);
  return opts;
}

// The literal characters every match starts with ('###\s+\w+': "###";
// '^##\s+' under MULTILINE: "##" at a line start). A count can then go from
// one occurrence to the next and run RE2 anchored there, instead of running
// the DFA over every byte between. Empty when matches have no such start: a
// '|' anywhere may give a branch without it.
StartLiteral start_literal(std::string_view source, RegexFlags flags) {
  StartLiteral out;
  std::size_t i = 0;
  if (!source.empty() && source[0] == '^') {
    if (!flags.multiline) return out;  // matches at 0 only: RE2 is quick there
    out.at_line_start = true;
    i = 1;
  }
  if (source.find('|') != std::string_view::npos) return out;
  for (; i < source.size(); ++i) {
    char c = source[i];
    std::size_t width = 1;  // of the character in the pattern
    if (c == '\\' && i + 1 < source.size()) {
      const auto e = python_escaped_literal(source[i + 1]);  // '\.' and the like; never a letter
      if (!e) break;
      c = *e;
      width = 2;
    } else {
      const auto u = static_cast<unsigned char>(c);
      // Letters would need case folding under IGNORECASE; keep to the plain rest.
      const bool plain = !python_meta(c) && u >= 0x20 && u < 0x7F && !(flags.ignore_case && std::isalpha(u));
      if (!plain) {
        // A quantifier applies to the character before it: that one is optional.
        if (!out.literal.empty() && std::string_view("*?{").find(c) != std::string_view::npos) out.literal.pop_back();
        break;
      }
    }
    out.literal += c;
    i += width - 1;
  }
  return out;
}

}  // namespace

namespace {
Regex::CompileObserver g_observer = nullptr;
}  // namespace

void Regex::set_compile_observer(CompileObserver observer) { g_observer = observer; }

std::optional<Regex> Regex::compile(std::string_view source, RegexFlags flags, RegexDialect dialect,
                                    std::string& error) {
  if (g_observer) g_observer(source, flags, dialect);
  return build(source, flags, dialect, error, false);
}

std::optional<Regex> Regex::compile_now(std::string_view source, RegexFlags flags, RegexDialect dialect,
                                        std::string& error) {
  return build(source, flags, dialect, error, true);
}

std::optional<Regex> Regex::build(std::string_view source, RegexFlags flags, RegexDialect dialect,
                                  std::string& error, bool now) {
  std::string pattern(source);
  if (dialect == RegexDialect::Python) {
    auto translated = translate_python_regex(source, flags, error);
    if (!translated) return std::nullopt;
    pattern = std::move(*translated);
  }
  pattern = with_flags(std::move(pattern), flags);
  // Checked at build time: every program compiles, and what loading needs
  // to know of them is in the table.
  const VerifiedPattern* verified = now ? nullptr : find_verified_pattern(source, flags, dialect);
  Regex r;
  r.source_ = std::string(source);
  r.exact_ = std::make_shared<Lazy>();
  r.exact_->pattern = pattern;
  if (dialect == RegexDialect::Python && (!verified || verified->ascii_twin)) {
    std::string ascii_error;
    if (auto ascii = translate_python_regex(source, flags, ascii_error, true)) {
      std::string twin = with_flags(std::move(*ascii), flags);
      if (twin != pattern) {
        auto t = std::make_shared<Lazy>();
        t->pattern = twin;
        if (verified || t->get().ok()) r.ascii_ = std::move(t);
        // Without anchors the ASCII form needs no context: it can be given
        // the match alone, which spares RE2 a DFA pass it makes when the text is large.
        r.ascii_context_free_ = twin.find_first_of("^$") == std::string::npos &&
                                twin.find("\\A") == std::string::npos && twin.find("\\z") == std::string::npos;
      }
    }
  }
  // The pattern itself is compiled now when nothing stands in for it, or
  // when a counted repetition might take it past RE2's memory budget (an
  // error the rule file must get when it loads, not on some later text).
  if (!verified && (now || !r.ascii_ || source.find('{') != std::string_view::npos)) {
    if (const RE2& exact = r.exact_->get(); !exact.ok()) {
      error = exact.error();
      return std::nullopt;
    }
  }
  bool matches_empty = false;
  if (verified) {
    r.groups_ = verified->groups;
    matches_empty = verified->matches_empty;
  } else {
    const RE2& shape = r.ascii_ ? r.ascii_->get() : r.exact_->get();
    r.groups_ = shape.NumberOfCapturingGroups();
    matches_empty = RE2::PartialMatch("", shape);
  }
  r.start_ = start_literal(source, flags);
  if (matches_empty) {
    r.longest_ = std::make_shared<Lazy>();
    r.longest_->pattern = pattern;
    r.longest_->longest_match = true;
    if (now && !r.longest_->get().ok()) {
      error = r.longest_->get().error();
      return std::nullopt;
    }
  }
  if (dialect == RegexDialect::Python) {
    if (auto set = LiteralSet::compile(source, flags)) r.literal_set_ = std::make_shared<const LiteralSet>(std::move(*set));
    if (!r.longest_) {
      if (auto a = AnchoredMatcher::compile(source, flags, r.start_)) r.anchored_ = std::make_shared<const AnchoredMatcher>(std::move(*a));
    }
  }
  if (dialect == RegexDialect::Python && r.groups_ > 0) {
    if (auto seq = SequenceMatcher::compile(source, flags); seq && seq->group_count() == r.groups_) {
      r.sequence_ = std::make_shared<const SequenceMatcher>(std::move(*seq));
    }
  }
  return r;
}

const RE2& Regex::Lazy::get() {
  std::call_once(once, [this] {
    RE2::Options opts = re2_options();
    opts.set_longest_match(longest_match);
    re = std::make_unique<const RE2>(pattern, opts);
  });
  return *re;
}

// A program a match needs. Its ASCII form compiled (or the build checked it),
// so it compiles too, unless RE2 runs out of memory on Unicode classes or is
// not the RE2 the build checked with; then no answer is better than a wrong one.
const RE2& Regex::checked(Lazy& lazy) const {
  const RE2& re = lazy.get();
  if (!re.ok()) throw std::runtime_error("cannot compile pattern '" + source_ + "': " + re.error());
  return re;
}

const RE2& Regex::exact() const { return checked(*exact_); }

const RE2& Regex::longest() const { return checked(*longest_); }

const RE2& Regex::pick(std::string_view text, Classes classes) const {
  if (!ascii_) return exact();
  classes = util::resolve_unicode_classes(classes, text);
  if (classes != Classes::Unneeded) return exact();
  const RE2& ascii = ascii_->get();
  return ascii.ok() ? ascii : exact();  // compiled at build time, so ok unless RE2 changed since
}

std::optional<Match> Regex::search(std::string_view text, Classes classes) const {
  // Every match starts at an occurrence of the leading literal: none, no
  // match, without the cost of a call into RE2 (many searches are of short
  // code blocks); else RE2 starts there.
  std::size_t from = 0;
  if (!start_.literal.empty()) {
    from = text.find(start_.literal);
    if (from == std::string_view::npos) return std::nullopt;
  }
  const re2::StringPiece piece(text.data(), text.size());
  re2::StringPiece m;
  if (anchored_) {
    // Each occurrence in turn, answered directly; RE2 only for the bounds of
    // the match found, or from a candidate the matcher cannot decide.
    classes = util::resolve_unicode_classes(classes, text);
    const bool ascii = classes == Classes::Unneeded;
    for (std::size_t at = from; at != std::string_view::npos; at = text.find(start_.literal, at + 1)) {
      if (start_.at_line_start && at > 0 && text[at - 1] != '\n') continue;
      const auto r = anchored_->match_at(text, at, ascii);
      if (r == AnchoredMatcher::Result::NoMatch) continue;
      const auto anchor = r == AnchoredMatcher::Result::Match ? RE2::ANCHOR_START : RE2::UNANCHORED;
      if (!pick(text, classes).Match(piece, at, text.size(), anchor, &m, 1)) return std::nullopt;
      const auto begin = static_cast<std::size_t>(m.data() - text.data());
      return Match{begin, begin + m.size()};
    }
    return std::nullopt;
  }
  if (!pick(text, classes).Match(piece, from, text.size(), RE2::UNANCHORED, &m, 1)) {
    return std::nullopt;
  }
  const auto begin = static_cast<std::size_t>(m.data() - text.data());
  return Match{begin, begin + m.size()};
}

std::size_t Regex::count(std::string_view text, std::optional<Match>* first, Classes classes) const {
  if (literal_set_) {
    if (auto n = literal_set_->count(text, classes, first)) return *n;
  }
  classes = util::resolve_unicode_classes(classes, text);
  const RE2& re = pick(text, classes);
  const re2::StringPiece piece(text.data(), text.size());
  std::size_t n = 0;
  std::size_t pos = 0;
  re2::StringPiece m;
  auto record = [&](std::size_t begin, std::size_t end) {
    if (n == 0 && first) *first = Match{begin, end};
    ++n;
  };
  if (!start_.literal.empty()) {
    // Candidates are the occurrences of the literal (at line starts, for
    // '^'); each is answered by the direct matcher when it can, else by RE2
    // anchored there (it sees the text before, so '^' and '\b' hold there).
    // The first that matches is the leftmost match.
    const bool ascii = classes == Classes::Unneeded;
    while (pos < text.size()) {
      const std::size_t at = text.find(start_.literal, pos);
      if (at == std::string_view::npos) break;
      pos = at + 1;
      if (start_.at_line_start && at > 0 && text[at - 1] != '\n') continue;
      const auto r = anchored_ ? anchored_->match_at(text, at, ascii) : AnchoredMatcher::Result::Unsure;
      if (r == AnchoredMatcher::Result::NoMatch) continue;
      if (r == AnchoredMatcher::Result::Match && (n > 0 || !first)) {
        // No other candidate lies inside the match (anchored_matcher.hpp):
        // the next one is past the literal, wherever the match ends.
        ++n;
        pos = at + start_.literal.size();
        continue;
      }
      if (re.Match(piece, at, text.size(), RE2::ANCHOR_START, &m, 1)) {
        const std::size_t end = at + m.size();
        record(at, end);
        pos = end > at ? end : at + 1;
      }
    }
    return n;
  }
  while (pos <= text.size() && re.Match(piece, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    const auto begin = static_cast<std::size_t>(m.data() - text.data());
    const auto end = begin + m.size();
    record(begin, end);
    if (m.size() > 0) {
      pos = end;
      continue;
    }
    // After an empty match Python retries at the same place for a non-empty
    // one. RE2 cannot ask for "the first non-empty match by priority"; the
    // longest match there stands in for it (they differ only for patterns
    // like '|b|bc', where Python takes 'b').
    if (longest_ && end < text.size() && longest().Match(piece, end, text.size(), RE2::ANCHOR_START, &m, 1) &&
        m.size() > 0) {
      record(end, end + m.size());
      pos = end + m.size();
      continue;
    }
    if (end >= text.size()) break;
    pos = end + 1;
    while (pos < text.size() && (static_cast<unsigned char>(text[pos]) & 0xC0) == 0x80) ++pos;
  }
  return n;
}

bool Regex::find_groups(std::string_view text, std::size_t pos, Match& whole, std::string_view* groups,
                        int ngroups, Classes classes) const {
  if (sequence_) {
    switch (sequence_->find_groups(text, pos, whole, groups, ngroups)) {
      case SequenceMatcher::Result::Found: return true;
      case SequenceMatcher::Result::NotFound: return false;
      case SequenceMatcher::Result::Unsure: break;  // RE2 decides
    }
  }
  const RE2& re = pick(text, classes);
  const re2::StringPiece subject(text.data(), text.size());
  // The match's bounds first (DFAs only), then its groups: from the ASCII
  // form when the match is ASCII, else from the pattern itself, anchored on the match.
  re2::StringPiece m;
  if (!re.Match(subject, pos, text.size(), RE2::UNANCHORED, &m, 1)) return false;
  whole.begin = static_cast<std::size_t>(m.data() - text.data());
  whole.end = whole.begin + m.size();
  thread_local std::vector<re2::StringPiece> sub;
  sub.assign(static_cast<std::size_t>(ngroups) + 1, re2::StringPiece());
  bool done = false;
  const RE2* ascii = ascii_ && ascii_->get().ok() ? &ascii_->get() : nullptr;
  if (ascii && (&re == ascii || util::is_ascii(std::string_view(m.data(), m.size())))) {
    done = ascii_context_free_
               ? ascii->Match(m, 0, m.size(), RE2::ANCHOR_BOTH, sub.data(), ngroups + 1)
               : ascii->Match(subject, whole.begin, whole.end, RE2::ANCHOR_BOTH, sub.data(), ngroups + 1);
  }
  if (!done && !re.Match(subject, whole.begin, whole.end, RE2::ANCHOR_BOTH, sub.data(), ngroups + 1)) {
    return false;  // cannot happen: the same pattern matched this span
  }
  for (int g = 0; g < ngroups; ++g) {
    const auto& s = sub[static_cast<std::size_t>(g) + 1];
    groups[g] = s.data() ? std::string_view(s.data(), s.size()) : std::string_view();
  }
  return true;
}

}  // namespace skillscore::rules
