// Tests for src/rules/prefilter.cpp: which patterns may match a text, decided
// from their literals; never "no" for a pattern that matches.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "skillscore/rules/prefilter.hpp"

using namespace skillscore::rules;

namespace {
std::vector<Regex> patterns(std::initializer_list<const char*> sources, RegexFlags flags) {
  std::vector<Regex> out;
  for (const char* s : sources) {
    std::string error;
    auto re = Regex::compile(s, flags, RegexDialect::Python, error);
    REQUIRE_MESSAGE(re.has_value(), error);
    out.push_back(*re);
  }
  return out;
}
// The reference's placeholder patterns (multiline).
const RegexFlags k_m{false, true, false};
}  // namespace

TEST_SUITE("rules/prefilter") {
  TEST_CASE("patterns whose literals the text lacks cannot match; the others may") {
    const auto pats = patterns({R"(\.\.\..*\.\.\.)", R"(#\s*TODO)", R"(pass\s*$)", R"(raise\s+NotImplementedError)"}, k_m);
    const auto pf = LiteralPrefilter::build(pats);
    REQUIRE(pf);
    std::vector<bool> possible;
    REQUIRE(pf->possible("x = 1\ny = 2\n", possible));
    CHECK(possible == std::vector<bool>{false, false, false, false});
    REQUIRE(pf->possible("def f():\n    PASS\n# todo later\n", possible));  // case: atoms are lowercase
    CHECK(possible == std::vector<bool>{false, true, true, false});
    // Whenever a pattern matches a text, it is possible there.
    for (std::string text : {"a ... b ...", "#TODO", "  pass  ", "raise  NotImplementedError", "bypass\n"}) {
      REQUIRE(pf->possible(text, possible));
      for (std::size_t i = 0; i < pats.size(); ++i) {
        if (pats[i].search(text)) CHECK_MESSAGE(possible[i], text << " / pattern " << i);
      }
    }
  }

  TEST_CASE("case-insensitive patterns and characters that fold into ASCII") {
    const auto pats = patterns({"kelvin", "tower"}, RegexFlags{true, false, false});
    const auto pf = LiteralPrefilter::build(pats);
    REQUIRE(pf);
    std::vector<bool> possible;
    REQUIRE(pf->possible("KELVIN", possible));
    CHECK(possible[0]);
    CHECK_FALSE(possible[1]);  // no letter of "tower" has a non-ASCII case variant
    // U+212A KELVIN SIGN matches 'k' case-insensitively: no sound answer from ASCII lowering.
    const std::string kelvin = "\xE2\x84\xAA" "elvin";
    CHECK(pats[0].search(kelvin).has_value());
    CHECK_FALSE(pf->possible(kelvin, possible));
    // U+017F LATIN SMALL LETTER LONG S folds to 's'.
    CHECK_FALSE(pf->possible("\xC5\xBF" "i" "\xC5\xBF" "ter", possible));
  }

  TEST_CASE("a literal across the 64 KiB windows of a long text is found") {
    const auto pats = patterns({"NotImplementedError"}, RegexFlags{});
    const auto pf = LiteralPrefilter::build(pats);
    REQUIRE(pf);
    std::vector<bool> possible;
    for (std::size_t at : {std::size_t{65536 - 10}, std::size_t{65536 - 1}, std::size_t{65536}, std::size_t{3 * 65536 - 5}}) {
      std::string text(4 * 65536, 'x');
      text.replace(at, 19, "NotImplementedError");
      REQUIRE(pf->possible(text, possible));
      CHECK_MESSAGE(possible[0], "at " << at);
    }
    REQUIRE(pf->possible(std::string(4 * 65536, 'x'), possible));
    CHECK_FALSE(possible[0]);
  }

  TEST_CASE("non-ASCII literals are taken as present") {
    const auto pats = patterns({"❌.*✅"}, RegexFlags{});
    const auto pf = LiteralPrefilter::build(pats);
    REQUIRE(pf);
    std::vector<bool> possible;
    REQUIRE(pf->possible("plain text", possible));
    CHECK(possible[0]);
  }
}
