// Tests for src/rules/sequence_matcher.cpp: which patterns it takes, and that
// it finds the same matches and groups as RE2 running the translated pattern,
// on hand-picked texts and on many random ones.
#include <doctest/doctest.h>

#include <random>
#include <string>
#include <vector>

#include "skillscore/rules/regex.hpp"
#include "skillscore/rules/sequence_matcher.hpp"

using namespace skillscore::rules;

namespace {

const RegexFlags k_none{};
const RegexFlags k_s{false, false, true};

struct Found {
  bool ok = false;
  std::size_t begin = 0, end = 0;
  std::vector<std::string> groups;
  bool operator==(const Found&) const = default;
};

// Every match of `pattern` from 0 on, as RE2 finds them with its own captures.
std::vector<Found> re2_matches(std::string_view pattern, RegexFlags flags, std::string_view text) {
  std::string error;
  auto translated = translate_python_regex(pattern, flags, error);
  REQUIRE(translated.has_value());
  std::string prefix = flags.dot_all ? "(?s)" : "";
  RE2::Options opts;
  opts.set_encoding(RE2::Options::EncodingUTF8);
  RE2 re(prefix + *translated, opts);
  REQUIRE(re.ok());
  const int n = re.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> sub(static_cast<std::size_t>(n) + 1);
  std::vector<Found> out;
  std::size_t pos = 0;
  const re2::StringPiece subject(text.data(), text.size());
  while (pos <= text.size() && re.Match(subject, pos, text.size(), RE2::UNANCHORED, sub.data(), n + 1)) {
    Found f{true, static_cast<std::size_t>(sub[0].data() - text.data()), 0, {}};
    f.end = f.begin + sub[0].size();
    for (int g = 1; g <= n; ++g) f.groups.emplace_back(sub[static_cast<std::size_t>(g)].data(), sub[static_cast<std::size_t>(g)].size());
    out.push_back(f);
    pos = f.end > pos ? f.end : pos + 1;
  }
  return out;
}

// The same through the sequence matcher; nullopt if it was ever unsure.
std::optional<std::vector<Found>> sequence_matches(const SequenceMatcher& m, std::string_view text) {
  std::vector<Found> out;
  std::vector<std::string_view> groups(static_cast<std::size_t>(m.group_count()));
  std::size_t pos = 0;
  Match whole;
  while (pos <= text.size()) {
    const auto r = m.find_groups(text, pos, whole, groups.data(), m.group_count());
    if (r == SequenceMatcher::Result::Unsure) return std::nullopt;
    if (r == SequenceMatcher::Result::NotFound) break;
    Found f{true, whole.begin, whole.end, {}};
    for (auto g : groups) f.groups.emplace_back(g);
    out.push_back(f);
    pos = whole.end > pos ? whole.end : pos + 1;
  }
  return out;
}

// The same through Regex::find_groups, which asks RE2 when the matcher is unsure.
std::vector<Found> regex_matches(const Regex& re, std::string_view text) {
  std::vector<Found> out;
  std::vector<std::string_view> groups(static_cast<std::size_t>(re.group_count()));
  std::size_t pos = 0;
  Match whole;
  while (pos <= text.size() && re.find_groups(text, pos, whole, groups.data(), re.group_count())) {
    Found f{true, whole.begin, whole.end, {}};
    for (auto g : groups) f.groups.emplace_back(g);
    out.push_back(f);
    pos = whole.end > pos ? whole.end : pos + 1;
  }
  return out;
}

}  // namespace

TEST_SUITE("rules/sequence_matcher") {
  TEST_CASE("takes literal, run and lazy-gap sequences, and nothing else") {
    CHECK(SequenceMatcher::compile("```(\\w*)\\n(.*?)```", k_s).has_value());
    CHECK(SequenceMatcher::compile("```(\\w*)\\n(.*?)```", k_none).has_value());
    CHECK(SequenceMatcher::compile("<(\\d+)>(.*?)</>", k_none).has_value());
    CHECK(SequenceMatcher::compile("\\[(\\w+)\\]", k_none).has_value());
    CHECK_EQ(SequenceMatcher::compile("```(\\w*)\\n(.*?)```", k_s)->group_count(), 2);
    // Case folding, classes, alternation, other quantifiers: RE2's business.
    CHECK_FALSE(SequenceMatcher::compile("```(\\w*)\\n(.*?)```", RegexFlags{true, false, true}).has_value());
    CHECK_FALSE(SequenceMatcher::compile("a[bc](.*?)d", k_none).has_value());
    CHECK_FALSE(SequenceMatcher::compile("a|b(.*?)c", k_none).has_value());
    CHECK_FALSE(SequenceMatcher::compile("ab*(.*?)c", k_none).has_value());
    CHECK_FALSE(SequenceMatcher::compile("a(.*)c", k_none).has_value());
    CHECK_FALSE(SequenceMatcher::compile("a(?:\\w*)c", k_none).has_value());
    CHECK_FALSE(SequenceMatcher::compile("a\\sb(.*?)c", k_none).has_value());
    // Shapes that could backtrack: a run followed by what continues it, a
    // gap that is not last, a run or a gap at either end.
    CHECK_FALSE(SequenceMatcher::compile("a(\\w*)b", k_none).has_value());
    CHECK_FALSE(SequenceMatcher::compile("a(\\d*)1", k_none).has_value());
    CHECK_FALSE(SequenceMatcher::compile("a(.*?)b(\\w*)c", k_none).has_value());
    CHECK_FALSE(SequenceMatcher::compile("a(\\w*)(.*?)c", k_none).has_value());
    CHECK_FALSE(SequenceMatcher::compile("(\\w*)\\n", k_none).has_value());
    CHECK_FALSE(SequenceMatcher::compile("a(.*?)", k_none).has_value());
    CHECK_FALSE(SequenceMatcher::compile("a(\\w*)\xC3\xA9", k_none).has_value());  // é could be \w
  }

  TEST_CASE("finds code blocks as RE2 does") {
    const auto m = *SequenceMatcher::compile("```(\\w*)\\n(.*?)```", k_s);
    const std::string text = "intro\n```python\nprint(1)\n```\nmid ```` x\n```\nplain\n```\n``` tail ```sh\n";
    const auto mine = sequence_matches(m, text);
    REQUIRE(mine.has_value());
    CHECK_EQ(*mine, re2_matches("```(\\w*)\\n(.*?)```", k_s, text));
    REQUIRE_GE(mine->size(), 2u);
    CHECK_EQ((*mine)[0].groups, std::vector<std::string>{"python", "print(1)\n"});
  }

  TEST_CASE("without DOTALL the gap stops at a newline") {
    const auto m = *SequenceMatcher::compile("<(\\w*)>(.*?)</>", k_none);
    const std::string text = "<a>one\n</> <b>two</> <c>\n</>";
    const auto mine = sequence_matches(m, text);
    REQUIRE(mine.has_value());
    CHECK_EQ(*mine, re2_matches("<(\\w*)>(.*?)</>", k_none, text));
    REQUIRE_EQ(mine->size(), 1u);
    CHECK_EQ(mine->front().groups, std::vector<std::string>{"b", "two"});
  }

  TEST_CASE("a closing literal that starts with a newline may follow a gap without DOTALL") {
    const char* pattern = "```(\\w*)\\n(.*?)\\n```";
    const auto m = *SequenceMatcher::compile(pattern, k_none);
    const std::string text = "```js\nx = 1\n```\n```\ntwo\nlines\n```\n";
    const auto mine = sequence_matches(m, text);
    REQUIRE(mine.has_value());
    CHECK_EQ(*mine, re2_matches(pattern, k_none, text));
    CHECK_EQ(mine->size(), 1u);
  }

  TEST_CASE("a run that meets a non-ASCII character is left to RE2") {
    const auto m = *SequenceMatcher::compile("```(\\w*)\\n(.*?)```", k_s);
    std::vector<std::string_view> groups(2);
    Match whole;
    CHECK_EQ(m.find_groups("```caf\xC3\xA9\nx```", 0, whole, groups.data(), 2), SequenceMatcher::Result::Unsure);
    // Non-ASCII text inside the gap is fine.
    CHECK_EQ(m.find_groups("```\n\xE2\x9C\x85 ok```", 0, whole, groups.data(), 2), SequenceMatcher::Result::Found);
    CHECK_EQ(groups[1], "\xE2\x9C\x85 ok");
    // And Regex::find_groups gives RE2's answer when the matcher is unsure.
    std::string error;
    auto re = Regex::compile("```(\\w*)\\n(.*?)```", k_s, RegexDialect::Python, error);
    REQUIRE(re.has_value());
    REQUIRE(re->find_groups("```caf\xC3\xA9\nx```", 0, whole, groups.data(), 2));
    CHECK_EQ(groups[0], "caf\xC3\xA9");
    CHECK_EQ(groups[1], "x");
  }

  TEST_CASE("random texts: the same matches and groups as RE2") {
    const std::vector<std::pair<std::string, RegexFlags>> patterns = {
        {"```(\\w*)\\n(.*?)```", k_s},   {"```(\\w*)\\n(.*?)```", k_none}, {"`(\\w+)\\n(.*?)``", k_s},
        {"a(\\d*)_(.*?)\\na", k_none},   {"``(\\w*)`", k_none},            {"a(\\w+) (\\d+)\\n", k_none},
    };
    // Backticks, word characters, digits, newlines and spaces in a small
    // alphabet, so that partial and overlapping candidates are frequent.
    const std::vector<std::string> alphabet = {"`", "`", "`", "a", "_", "1", "\n", " ", "x", "\xE2\x9C\x85"};
    std::mt19937 rng(20261121);
    int compared = 0, unsure = 0;
    for (const auto& [pattern, flags] : patterns) {
      const auto m = SequenceMatcher::compile(pattern, flags);
      REQUIRE_MESSAGE(m.has_value(), pattern);
      std::string error;
      const auto re = Regex::compile(pattern, flags, RegexDialect::Python, error);
      REQUIRE(re.has_value());
      for (int t = 0; t < 3000; ++t) {
        std::string text;
        const int len = static_cast<int>(rng() % 40);
        for (int c = 0; c < len; ++c) text += alphabet[rng() % alphabet.size()];
        const auto expected = re2_matches(pattern, flags, text);
        CHECK_MESSAGE(regex_matches(*re, text) == expected, "pattern ", pattern, " text ", text);
        const auto mine = sequence_matches(*m, text);
        if (!mine) {
          ++unsure;
          continue;
        }
        ++compared;
        CHECK_MESSAGE(*mine == expected, "pattern ", pattern, " text ", text);
      }
    }
    // Unsure only where a run meets the non-ASCII character.
    CHECK_GT(compared, 12000);
    CHECK_GT(unsure, 0);
  }

  TEST_CASE("stays linear on overlapping candidates") {
    // A million backticks: every position is a candidate, none has a newline.
    const auto m = *SequenceMatcher::compile("```(\\w*)\\n(.*?)```", k_s);
    const std::string text(1'000'000, '`');
    std::vector<std::string_view> groups(2);
    Match whole;
    CHECK_EQ(m.find_groups(text, 0, whole, groups.data(), 2), SequenceMatcher::Result::NotFound);
    // A million word characters: every position starts a run (memoized).
    const std::string words(1'000'000, 'a');
    const auto w = *SequenceMatcher::compile("a(\\w*)\\n(.*?)x", k_s);
    CHECK_EQ(w.find_groups(words, 0, whole, groups.data(), 2), SequenceMatcher::Result::NotFound);
  }
}
