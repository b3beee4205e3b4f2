// Tests for src/rules/anchored_matcher.cpp: which patterns it takes, and that
// Regex::count and Regex::search, which ask it at every candidate, agree with
// RE2 running the translated pattern on many random texts (ASCII ones and
// ones with letters, digits and spaces beyond ASCII).
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "skillscore/rules/anchored_matcher.hpp"
#include "skillscore/rules/regex.hpp"

using namespace skillscore::rules;

namespace {

const RegexFlags k_none{};
const RegexFlags k_m{false, true, false};
const RegexFlags k_s{false, false, true};

std::optional<AnchoredMatcher> compile(std::string_view source, RegexFlags flags, std::string lead, bool line_start = false) {
  return AnchoredMatcher::compile(source, flags, StartLiteral{std::move(lead), line_start});
}

std::string with_flags(const std::string& pattern, RegexFlags flags) {
  std::string prefix;
  if (flags.multiline) prefix += "m";
  if (flags.dot_all) prefix += "s";
  return prefix.empty() ? pattern : "(?" + prefix + ")" + pattern;
}

// len(re.findall), the first match and re.search, as RE2 finds them with the translated pattern.
struct Expected {
  std::size_t count = 0;
  std::optional<Match> first;
};

Expected re2_expected(std::string_view pattern, RegexFlags flags, std::string_view text) {
  std::string error;
  auto translated = translate_python_regex(pattern, flags, error);
  REQUIRE(translated.has_value());
  RE2::Options opts;
  opts.set_encoding(RE2::Options::EncodingUTF8);
  RE2 re(with_flags(*translated, flags), opts);
  REQUIRE(re.ok());
  Expected out;
  std::size_t pos = 0;
  re2::StringPiece m;
  const re2::StringPiece subject(text.data(), text.size());
  while (pos <= text.size() && re.Match(subject, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    const auto b = static_cast<std::size_t>(m.data() - text.data());
    if (out.count++ == 0) out.first = Match{b, b + m.size()};
    pos = m.size() > 0 ? b + m.size() : b + 1;
  }
  return out;
}

}  // namespace

TEST_SUITE("rules/anchored_matcher") {
  TEST_CASE("the shapes it takes") {
    CHECK(compile("^##\\s+", k_m, "##", true).has_value());
    CHECK(compile("###\\s+(?:Pattern\\s+)?\\d*\\.?\\s*\\w+", k_none, "###").has_value());
    CHECK(compile("#\\s*TODO", k_m, "#").has_value());
    CHECK(compile("pass\\s*$", k_m, "pass").has_value());
    CHECK(compile("\\.\\.\\.", k_none, "...").has_value());
    CHECK(compile("ab(c\\W)+?d\\s", k_none, "ab").has_value());
    // A character after the literal could start another candidate.
    CHECK_FALSE(compile("\\.\\.\\..*\\.\\.\\.", k_none, "...").has_value());
    CHECK_FALSE(compile("##?x", k_none, "#").has_value());
    CHECK_FALSE(compile("a\\S", k_none, "a").has_value());
    CHECK_FALSE(compile("raise\\s+NotImplementedError", k_m, "raise").has_value());  // the r of Error
    CHECK_FALSE(compile("ab.", k_none, "ab").has_value());
    // Not the lead it is given, or no lead.
    CHECK_FALSE(compile("ab", k_none, "b").has_value());
    CHECK_FALSE(compile("\\s+a", k_none, "").has_value());
    // Constructs it does not read.
    CHECK_FALSE(compile("ab|c", k_none, "ab").has_value());
    CHECK_FALSE(compile("a[bc]", k_none, "a").has_value());
    CHECK_FALSE(compile("ab{2}", k_none, "a").has_value());
    CHECK_FALSE(compile("a\\b", k_none, "a").has_value());
    CHECK_FALSE(compile("a(?=b)", k_none, "a").has_value());
    CHECK_FALSE(compile("ab*+", k_none, "a").has_value());  // possessive (Python 3.11)
    CHECK_FALSE(compile("a$", k_none, "a").has_value());    // '$' without MULTILINE
    CHECK_FALSE(compile("a$b", k_m, "a").has_value());
    CHECK_FALSE(compile("ab", RegexFlags{true, false, false}, "a").has_value());
    CHECK_FALSE(compile("aé", k_none, "a").has_value());
  }

  TEST_CASE("what it answers, and where it leaves the answer to RE2") {
    const auto m = compile("###\\s+(?:Pattern\\s+)?\\d*\\.?\\s*\\w+", k_none, "###");
    REQUIRE(m.has_value());
    CHECK(m->match_at("### 1. Name", 0, true) == AnchoredMatcher::Result::Match);
    CHECK(m->match_at("### 12", 0, true) == AnchoredMatcher::Result::Match);  // \d* gives one back to \w+
    CHECK(m->match_at("###Name", 0, true) == AnchoredMatcher::Result::NoMatch);
    CHECK(m->match_at("### .", 0, true) == AnchoredMatcher::Result::NoMatch);
    CHECK(m->match_at("### ❌", 0, true) == AnchoredMatcher::Result::NoMatch);  // no letter, as the caller knows
    CHECK(m->match_at("### é", 0, false) == AnchoredMatcher::Result::Unsure);
    const auto dollar = compile("pass\\s*$", k_m, "pass");
    REQUIRE(dollar.has_value());
    CHECK(dollar->match_at("pass  \nx", 0, true) == AnchoredMatcher::Result::Match);
    CHECK(dollar->match_at("pass", 0, true) == AnchoredMatcher::Result::Match);
    CHECK(dollar->match_at("pass x", 0, true) == AnchoredMatcher::Result::NoMatch);
    CHECK(dollar->match_at("passing", 0, true) == AnchoredMatcher::Result::NoMatch);
  }

  TEST_CASE("Regex::count and Regex::search agree with RE2 on random texts") {
    const std::vector<std::pair<std::string, RegexFlags>> patterns = {
        {"^##\\s+", k_m},
        {"###\\s+(?:Pattern\\s+)?\\d*\\.?\\s*\\w+", k_none},
        {"#\\s*TODO", k_m},
        {"pass\\s*$", k_m},
        {"raise\\s+NotImplementedError", k_m},
        {"\\.\\.\\.", k_none},
        {"x(?:ab?)*c\\d+", k_none},
        {"x.+?y", k_none},
        {"x.*y", k_s},
        {"x\\W+(?:y\\W)*z", k_none},
        {"1\\D*\\s2", k_none},
        {"^#\\s*(y\\w)?$", k_m},
        {"x\\W\\S?\\D*y", k_none},  // not taken: \S holds the x
        {"x(y|z)", k_none},  // not taken: RE2 alone, the same answer
    };
    const std::vector<std::string> pieces = {"#", "##", "###", " ", "  ", "\n", "\t", "Pattern", "Pattern ", "1", "12", ".",
                                             "Name", "_", "é", "٣", "\u00a0", "\u2003", "❌", "TODO", "pass", "raise ",
                                             "NotImplementedError", "x", "y", "z", "a", "b", "c", "ab", "\x1c", "..."};
    std::mt19937 rng(20261203);
    for (const auto& [pattern, flags] : patterns) {
      CAPTURE(pattern);
      std::string error;
      const auto re = Regex::compile(pattern, flags, RegexDialect::Python, error);
      REQUIRE_MESSAGE(re.has_value(), error);
      for (int t = 0; t < 600; ++t) {
        std::string text;
        const int len = static_cast<int>(rng() % 30);
        for (int k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
        CAPTURE(text);
        const Expected expected = re2_expected(pattern, flags, text);
        std::optional<Match> first;
        CHECK(re->count(text, &first) == expected.count);
        CHECK(re->count(text) == expected.count);
        CHECK(first.has_value() == expected.first.has_value());
        const auto found = re->search(text);
        CHECK(found.has_value() == expected.first.has_value());
        if (first && expected.first) {
          CHECK(first->begin == expected.first->begin);
          CHECK(first->end == expected.first->end);
        }
        if (found && expected.first) {
          CHECK(found->begin == expected.first->begin);
          CHECK(found->end == expected.first->end);
        }
      }
    }
  }
}
