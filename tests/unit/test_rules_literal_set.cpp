// Tests for src/rules/literal_set.cpp: which patterns it takes, counts that
// Python's re gives (worked out with Python 3.11), and agreement with RE2
// running the translated pattern on many random texts.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "skillscore/rules/literal_set.hpp"
#include "skillscore/rules/regex.hpp"

using namespace skillscore::rules;
using skillscore::util::UnicodeClasses;

namespace {

const RegexFlags k_none{};
const RegexFlags k_i{true, false, false};
const char* const k_dirs = "(?:references|guides|templates|scripts|examples)/";

// len(re.findall) and the first span, as RE2 finds them with the translated pattern.
std::pair<std::size_t, std::optional<Match>> re2_count(std::string_view pattern, RegexFlags flags, std::string_view text) {
  std::string error;
  auto translated = translate_python_regex(pattern, flags, error);
  REQUIRE(translated.has_value());
  RE2::Options opts;
  opts.set_encoding(RE2::Options::EncodingUTF8);
  RE2 re((flags.ignore_case ? "(?i)" : "") + *translated, opts);
  REQUIRE(re.ok());
  std::size_t n = 0, pos = 0;
  std::optional<Match> first;
  re2::StringPiece m;
  const re2::StringPiece subject(text.data(), text.size());
  while (pos <= text.size() && re.Match(subject, pos, text.size(), RE2::UNANCHORED, &m, 1)) {
    const auto b = static_cast<std::size_t>(m.data() - text.data());
    if (n++ == 0) first = Match{b, b + m.size()};
    pos = m.size() > 0 ? b + m.size() : b + 1;
  }
  return {n, first};
}

}  // namespace

TEST_SUITE("rules/literal_set") {
  TEST_CASE("the shapes it takes") {
    CHECK(LiteralSet::compile(k_dirs, k_i).has_value());
    CHECK(LiteralSet::compile("(a|ab)/", k_none).has_value());
    CHECK(LiteralSet::compile("x\\.y|z\\.y", k_none).has_value());  // both end in 'y', 'y' nowhere else
    CHECK(LiteralSet::compile("❌", k_none).has_value());
    // Not one final byte, or that byte inside a literal.
    CHECK_FALSE(LiteralSet::compile("(?:a|b)", k_none).has_value());
    CHECK_FALSE(LiteralSet::compile("(?:a/b|c)/", k_none).has_value());
    // A letter at the end under IGNORECASE has two spellings.
    CHECK_FALSE(LiteralSet::compile("(?:ab|cb)", k_i).has_value());
    // Non-ASCII literals under IGNORECASE need Unicode folding.
    CHECK_FALSE(LiteralSet::compile("(?:é|e)/", k_i).has_value());
    // Anything but literals.
    CHECK_FALSE(LiteralSet::compile("(?:a+|b)/", k_none).has_value());
    CHECK_FALSE(LiteralSet::compile("(?:a|b)\\s/", k_none).has_value());
    CHECK_FALSE(LiteralSet::compile("(?:a|(b))/", k_none).has_value());
    CHECK_FALSE(LiteralSet::compile("(?i)a/", k_none).has_value());
    CHECK_FALSE(LiteralSet::compile("(?:a\\)|b)/", k_none).has_value());
    CHECK_FALSE(LiteralSet::compile("^a/", k_none).has_value());
    CHECK_FALSE(LiteralSet::compile("", k_none).has_value());
  }

  TEST_CASE("counts and first matches as Python's re.findall and re.search give them") {
    const auto dirs = LiteralSet::compile(k_dirs, k_i);
    REQUIRE(dirs.has_value());
    std::optional<Match> first;
    // re.finditer: 3 matches, the first at (4, 15).
    CHECK(dirs->count("see references/a.md, SCRIPTS/run.sh and examples//x", UnicodeClasses::Unknown, &first) == 3u);
    REQUIRE(first.has_value());
    CHECK(first->begin == 4u);
    CHECK(first->end == 15u);
    // 3 matches, the first at (2, 11): inside a longer word, twice in a row.
    first.reset();
    CHECK(dirs->count("myexamples/ templates/templates/", UnicodeClasses::Unknown, &first) == 3u);
    CHECK(first->begin == 2u);
    CHECK(dirs->count("no slash here", UnicodeClasses::Unknown, nullptr) == 0u);
    CHECK(dirs->count("guides", UnicodeClasses::Unknown, nullptr) == 0u);
    // Python folds 'ſ' into 's' (2 matches there): not decided here.
    CHECK_FALSE(dirs->count("ſcripts/ and guides/", UnicodeClasses::Unknown, nullptr).has_value());
    // 'xab/ a/ b/': 2 matches, the first (1, 4), the longer literal.
    const auto ab = LiteralSet::compile("(a|ab)/", k_none);
    REQUIRE(ab.has_value());
    first.reset();
    CHECK(ab->count("xab/ a/ b/", UnicodeClasses::Unknown, &first) == 2u);
    CHECK(first->begin == 1u);
    CHECK(first->end == 4u);
  }

  TEST_CASE("Regex::count agrees with RE2 on random texts") {
    const std::vector<std::pair<std::string, RegexFlags>> patterns = {
        {k_dirs, k_i}, {k_dirs, k_none}, {"(a|ab|bab)/", k_none}, {"(?:x|)/", k_i}, {"❌", k_none}, {"ab\\.c|b\\.c", k_i}};
    const std::vector<std::string> pieces = {"references/", "Scripts/", "EXAMPLES/", "guides", "/", "//", "ab", "a", "b",
                                             "x", "ples", "exam", ".c", "❌", "é", "ſcripts/", " ", "\n", "templates"};
    std::mt19937 rng(20261121);
    for (const auto& [pattern, flags] : patterns) {
      CAPTURE(pattern);
      std::string error;
      const auto re = Regex::compile(pattern, flags, RegexDialect::Python, error);
      REQUIRE_MESSAGE(re.has_value(), error);
      for (int t = 0; t < 400; ++t) {
        std::string text;
        const int len = static_cast<int>(rng() % 40);
        for (int k = 0; k < len; ++k) text += pieces[rng() % pieces.size()];
        CAPTURE(text);
        std::optional<Match> first;
        const std::size_t n = re->count(text, &first);
        const auto [expected, expected_first] = re2_count(pattern, flags, text);
        CHECK(n == expected);
        CHECK(first.has_value() == expected_first.has_value());
        if (first && expected_first) {
          CHECK(first->begin == expected_first->begin);
          CHECK(first->end == expected_first->end);
        }
      }
    }
  }
}
