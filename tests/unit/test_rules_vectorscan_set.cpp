// Tests for src/rules/vectorscan_expression.cpp and src/rules/vectorscan/:
// which RE2 patterns go to Vectorscan, and that its answer is RE2's, pattern
// by pattern, on random texts and on the samples.
#include <doctest/doctest.h>

#include <re2/re2.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <string>
#include <variant>
#include <vector>

#include "skillscore/rules/loader.hpp"
#include "skillscore/rules/presence.hpp"
#include "skillscore/rules/regex.hpp"
#include "skillscore/rules/vectorscan_set.hpp"
#include "skillscore/util/unicode.hpp"
#include "skillscore/util/utf8.hpp"

using namespace skillscore;
using namespace skillscore::rules;

namespace {

// The ASCII forms of the patterns of every built-in profile's body metrics,
// and of patterns written to reach the converter's corners.
std::vector<std::string> patterns_under_test(bool as_written = false) {
  auto form = [as_written](const Regex& re) { return as_written ? re.re2_pattern() : re.ascii_pattern(); };
  std::vector<std::string> out;
  for (const auto& name : builtin_profile_names()) {
    std::string error;
    auto p = load_builtin_profile(name, error);
    REQUIRE_MESSAGE(p.has_value(), error);
    for (const auto& m : p->metrics) {
      if (const auto* s = std::get_if<SearchSpec>(&m.spec)) {
        for (const auto& re : s->patterns) out.push_back(form(re));
      } else if (const auto* c = std::get_if<CountSpec>(&m.spec)) {
        out.push_back(form(*c->pattern));
      }
    }
  }
  const std::vector<std::pair<std::string, RegexFlags>> extra = {
      {R"(##\s*Over\w+)", {true, false, false}},
      {R"(^##\s+\S)", {false, true, false}},
      {R"(end\.$)", {false, true, false}},
      {R"(a.b)", {}},
      {R"(a.b)", {false, false, true}},
      {R"([^\w\s]{2,3}x)", {}},
      {R"(\d+\.\d*)", {}},
      {R"(x[\]a-c]?y)", {true, false, false}},
      {R"((?P<word>ab|cd)\1?)", {}},
      {R"(❌\s*\w)", {true, false, false}},
      {R"(\x41\x{1F600})", {}},
      {R"(a{2}b{1,3}c{2,})", {}},
      {R"(\{x\})", {}},
      {R"((?i:ab)C)", {}},
      {R"(\Aab)", {}},
  };
  for (const auto& [source, flags] : extra) {
    std::string error;
    auto re = Regex::compile(source, flags, RegexDialect::Python, error);
    if (re) out.push_back(form(*re));  // ('\1' is refused by the translation)
  }
  return out;
}

// Random texts of pieces that make the patterns match and nearly match,
// with no letter, digit or space beyond ASCII (where the ASCII forms hold).
std::string random_text(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "##", "###", "# ", " ", "  ", "\n", "\t", "\r", "\x0B", "\x1C", "a", "b", "c", "x", "y", "C", "ab", "cd",
      "Overview", "OVERVIEW", "introduction", "When", "to", "use", "This", "Skill", "Quick", "Start", "Reference",
      "Core", "Patterns", "Pattern", "Common", "mistake", "Mistakes", "Red", "Flags", "Real-World", "Impact",
      "❌", "✅", "😀", "—", "[", "]", "(", ")", "references/", "guides/", "see", "the", "`",
      "...", "*", "**", "Key insight:", "Insight", ":", "-", "0", "9", "1.", "_", "NO", "WITHOUT", "Iron", "Law",
      "ALWAYS", "NEVER", "You", "MUST", "MANDATORY", "<Good>", "<bad>", "end.", "{x}", "A", "\xF0\x9F\x98\x80",
      "```", "```py\n", "TODO", "pass", "raise NotImplementedError", "Production", "Correct", "Do this", "Don't",
      "name:", "description:", "Don’t", "pass\n", "./a/b/c", "Use when", "e.g.", "http://x.io/a", ".md", "{", "}"};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(0, 40);
  std::string out;
  for (int n = length(rng); n > 0; --n) out += pieces[pick(rng)];
  return out;
}

// The same with letters, digits and spaces beyond ASCII: those that fold to
// ASCII letters in RE2 (the Kelvin sign, the long s), the Turkish i's, other
// cased letters, Unicode spaces and digits.
std::string random_unicode_text(std::mt19937& rng) {
  static const std::vector<std::string> pieces = {
      "\u212A", "\u017F", "\u0130", "\u0131", "\u00E9", "\u00C9", "\u03A3", "\u03C3", "\u03C2", "\u00DF",
      "\u1E9E", "\u01C5", "\u0345", "\u0414", "\u4E2D", "\u0663", "\u00A0", "\u2003", "\u3000", "\u0085",
      "\u2028", "\u24B6", "\u24D0", "mi\u0307stake", "product\u0131on", "MIST\u0130KE", "\u212Aey insight:",
      "Quick\u00A0Start", "##\u2003Overview", "gu\u0131des/", "[x](scr\u0130pts/"};
  std::uniform_int_distribution<std::size_t> pick(0, pieces.size() - 1);
  std::uniform_int_distribution<int> length(1, 6);
  std::string out;
  for (int n = length(rng); n > 0; --n) {
    out += pieces[pick(rng)];
    if (rng() % 2) out += random_text(rng);
  }
  return out;
}

// A text as a failure message shows it: control characters escaped.
std::string shown(const std::string& text) {
  std::string out;
  for (const char c : text) {
    if (static_cast<unsigned char>(c) < 0x20) {
      char hex[8];
      std::snprintf(hex, sizeof hex, "\\x%02X", static_cast<unsigned>(c));
      out += hex;
    } else {
      out += c;
    }
  }
  return out;
}

std::vector<std::string> sample_texts() {
  std::vector<std::string> out;
  for (const auto& e : std::filesystem::recursive_directory_iterator(SKILLSCORE_SOURCE_DIR "/samples")) {
    if (!e.is_regular_file() || e.path().extension() != ".md") continue;
    std::ifstream in(e.path(), std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    out.push_back(text.str());
  }
  return out;
}

// Scans each text with `set` and checks every covered, gap-free pattern's
// answer against RE2's on the same pattern; counts the answers either way.
struct Answers {
  std::size_t hits = 0, misses = 0;
};
Answers compare_with_re2(const VectorscanSet& set, const std::vector<std::string>& patterns,
                         const std::vector<std::string>& texts) {
  std::vector<std::unique_ptr<RE2>> re2s;
  for (const auto& p : patterns) {
    re2s.push_back(std::make_unique<RE2>(p));
    REQUIRE_MESSAGE(re2s.back()->ok(), p);
  }
  Answers out;
  for (const auto& text : texts) {
    std::vector<bool> present(patterns.size(), false);
    REQUIRE(set.scan(text, present));
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      if (!set.covers(i)) {
        CHECK_FALSE(present[i]);
        continue;
      }
      // Gap patterns are never given to Vectorscan (presence.cpp): 5.4.9
      // misses some of their matches (the test case below).
      if (patterns[i].find(".*") != std::string::npos || patterns[i].find(".+") != std::string::npos) continue;
      const bool re2 = RE2::PartialMatch(text, *re2s[i]);
      (re2 ? out.hits : out.misses)++;
      if (present[i] != re2) {
        FAIL_CHECK("pattern " << patterns[i] << " vectorscan " << bool(present[i]) << " re2 " << re2 << " on " << shown(text));
      }
    }
  }
  return out;
}

}  // namespace

TEST_SUITE("rules/vectorscan") {
  TEST_CASE("patterns it expresses and patterns it leaves to RE2") {
    auto expr = to_vectorscan(R"((?im)^##[\t\x0B ]*(Over|Intro)$)");
    REQUIRE(expr.has_value());
    CHECK(expr->caseless);
    CHECK(expr->multiline);
    CHECK_FALSE(expr->dot_all);
    CHECK(expr->pattern == R"(^##[\t\x{0B} ]*(?:Over|Intro)$)");
    CHECK(to_vectorscan(R"(a\vb)")->pattern == R"(a\x0Bb)");  // PCRE's \v is a class
    CHECK(to_vectorscan("(?i)❌|x")->pattern == "❌|x");
    CHECK(to_vectorscan("a{,3}")->pattern == "a\\{,3\\}");  // a literal in RE2
    CHECK_FALSE(to_vectorscan("end$"));                       // before a final newline too, in PCRE
    CHECK_FALSE(to_vectorscan("(?m)a(?-m)$"));
    CHECK(to_vectorscan(R"(a\sb)")->pattern == R"(a[\t\n\f\r ]b)");  // PCRE's \s has \v, RE2's has not
    CHECK_FALSE(to_vectorscan(R"(\bword)"));
    CHECK_FALSE(to_vectorscan(R"(\pL)"));
    CHECK_FALSE(to_vectorscan("(?i)\xC5\xBF"));               // 'ſ' folds to 's' in RE2
    CHECK_FALSE(to_vectorscan(R"((?i)\x{212A})"));            // the Kelvin sign, to 'k'
    CHECK(to_vectorscan("\xC5\xBF").has_value());             // without IGNORECASE it is itself
    CHECK(to_vectorscan("(?i)[\xE2\x9C\x85-\xE2\x9D\x8C]").has_value());  // a range in a case-free block
    CHECK_FALSE(to_vectorscan("(?i)[\xE2\x9C\x85-\xE2\x9D\x8C\xC3\x80-\xC3\x96]"));  // one over cased letters
    CHECK_FALSE(to_vectorscan("(?U)a+"));
    CHECK_FALSE(to_vectorscan("a{65}"));                      // large counts blow up the compile
    CHECK_FALSE(to_vectorscan("[[:alpha:]]"));
  }

  TEST_CASE("every answer is RE2's, pattern by pattern") {
    const auto patterns = patterns_under_test();
    const auto set = VectorscanSet::build(patterns, /*compile_if_missing=*/true);
    REQUIRE(set != nullptr);
    // It takes most (the rest: the RE2-dialect patterns with '\b' or '\pL').
    CHECK_GT(set->covered_count() * 3, patterns.size() * 2);
    for (std::size_t i = 0; i < patterns.size(); ++i) {
      if (!set->covers(i)) MESSAGE("left to RE2: " << patterns[i]);
    }
    std::mt19937 rng(20261203);
    std::vector<std::string> texts = sample_texts();
    REQUIRE_FALSE(texts.empty());
    for (int n = 0; n < 3000; ++n) texts.push_back(random_text(rng));
    // Matches that start 64 bytes or more into the text.
    for (int n = 0; n < 3000; ++n) texts.push_back(std::string(64 + n % 9, 'x') + random_text(rng));
    // Only where the ASCII forms are the patterns.
    std::erase_if(texts, [](const std::string& t) { return util::needs_unicode_classes(t); });
    const auto [hits, misses] = compare_with_re2(*set, patterns, texts);
    // The texts did make the patterns both match and fail.
    CHECK_GT(hits, 1000u);
    CHECK_GT(misses, 1000u);
  }

  TEST_CASE("on any text, the answers for the patterns as written are RE2's, pattern by pattern") {
    // Without the gap patterns, as the presence index builds it: with them in
    // the database, Vectorscan 5.4.9 misses matches of other patterns too.
    auto patterns = patterns_under_test(/*as_written=*/true);
    std::erase_if(patterns, [](const std::string& p) { return p.find(".*") != std::string::npos || p.find(".+") != std::string::npos; });
    const auto set = VectorscanSet::build(patterns, /*compile_if_missing=*/true, VectorscanTexts::Any);
    REQUIRE(set != nullptr);
    CHECK_GT(set->covered_count() * 2, patterns.size());
    std::mt19937 rng(20261204);
    std::vector<std::string> texts = sample_texts();
    for (int n = 0; n < 4000; ++n) texts.push_back(random_unicode_text(rng));
    for (int n = 0; n < 3000; ++n) texts.push_back(std::string(64 + n % 9, 'x') + random_unicode_text(rng));
    for (int n = 0; n < 1000; ++n) texts.push_back(random_text(rng));
    // A sample of bad input is never scanned.
    std::erase_if(texts, [](const std::string& t) { return util::find_invalid_utf8(t).has_value(); });
    const auto unicode = std::count_if(texts.begin(), texts.end(), [](const std::string& t) { return util::needs_unicode_classes(t); });
    const auto [hits, misses] = compare_with_re2(*set, patterns, texts);
    CHECK_GT(unicode, 3000);
    CHECK_GT(hits, 1000u);
    CHECK_GT(misses, 1000u);
  }

  TEST_CASE("on any text, IGNORECASE takes only characters that fold alike in both engines") {
    const auto any = VectorscanTexts::Any;
    CHECK(to_vectorscan("(?i)product\xC4\xB1on", any).has_value());  // dotless i: itself only, in both
    CHECK(to_vectorscan(R"((?i)a[\t\x{A0}\x{2000}-\x{200A}\x{3000}]+b)", any).has_value());
    CHECK(to_vectorscan(R"((?i)key)", any).has_value());   // 'k' to the Kelvin sign in both
    CHECK_FALSE(to_vectorscan(R"((?i)[\x{30}-\x{39}\x{660}-\x{669}\x{C0}-\x{D6}])", any));  // letters beyond ASCII
    CHECK_FALSE(to_vectorscan(R"((?i)\x{E9})", any));
    CHECK_FALSE(to_vectorscan(R"((?i)[^a])", any));  // RE2 folds before it negates
    CHECK_FALSE(to_vectorscan(R"((?i)a\Wb)", any));
    CHECK(to_vectorscan(R"((?i)a\Wb)").has_value());  // the same on texts without Unicode classes
    CHECK(to_vectorscan(R"([^a]\W)", any).has_value());  // no IGNORECASE: no folding
    CHECK_FALSE(to_vectorscan(R"([\x{30}-\x{39}\x{660}-\x{669}])", any));  // Python's \d: see the converter
    CHECK(to_vectorscan(R"([\x{30}-\x{39}\x{660}-\x{669}])").has_value());
  }

  TEST_CASE("the built-in profile's database is the one built with skillscore") {
    std::string error;
    auto profile = load_builtin_profile("skill-fleet-v2", error);
    REQUIRE_MESSAGE(profile.has_value(), error);
    auto index = PresenceIndex::build(*profile, error);
    REQUIRE_MESSAGE(index != nullptr, error);
    const VectorscanSet* set = index->vectorscan();
    REQUIRE(set != nullptr);
    CHECK(set->embedded());
    CHECK_GE(set->covered_count(), 40u);
    // Without it, the index answers the same with RE2 alone.
    auto re2_only = PresenceIndex::build(*profile, error, VectorscanUse::Never);
    REQUIRE(re2_only != nullptr);
    CHECK(re2_only->vectorscan() == nullptr);
    // Vectorscan 5.4.9 finds no match of the link pattern in this text;
    // the index must still say "may match" (its atoms occur), for RE2 to confirm.
    {
      const std::string text = std::string(70, 'x') + "[](guides/";
      std::vector<bool> a;
      REQUIRE(index->match(text, util::UnicodeClasses::Unknown, a));
      bool found = false;
      for (std::size_t m = 0; m < profile->metrics.size(); ++m) {
        if (profile->metrics[m].name != "uses_progressive_disclosure") continue;
        const int slot = index->slot(static_cast<int>(m), 0);
        REQUIRE(slot >= 0);
        CHECK(a[static_cast<std::size_t>(slot)]);
        found = true;
      }
      CHECK(found);
    }
    std::mt19937 rng(7);
    for (int n = 0; n < 500; ++n) {
      const std::string text = random_text(rng);
      std::vector<bool> a, b;
      REQUIRE(index->match(text, util::UnicodeClasses::Unknown, a));
      REQUIRE(re2_only->match(text, util::UnicodeClasses::Unknown, b));
      // A gap pattern's bit is "may match" (RE2's filter), in both.
      for (std::size_t m = 0; m < profile->metrics.size(); ++m) {
        for (int k = 0; index->slot(static_cast<int>(m), k) >= 0; ++k) {
          const int slot = index->slot(static_cast<int>(m), k);
          const auto s = static_cast<std::size_t>(slot);
          if (index->exact(slot)) {
            CHECK_MESSAGE(a[s] == b[s], text);
          } else {
            CHECK_MESSAGE((!a[s] || b[s]), text);
          }
        }
      }
    }
  }
}
