// Tests for src/rules/verified_patterns.cpp and the build-time table
// (tools/compile_patterns.cpp): a built-in pattern, compiled on first use,
// answers as the same pattern compiled at once does.
#include <doctest/doctest.h>

#include <string>
#include <thread>
#include <vector>

#include "skillscore/rules/embedded.hpp"
#include "skillscore/rules/regex.hpp"
#include "skillscore/rules/verified_patterns.hpp"

using namespace skillscore::rules;

namespace {

struct Parsed {
  RegexDialect dialect;
  RegexFlags flags;
  std::string_view source;
};

Parsed parse_key(std::string_view key) {
  REQUIRE(key.size() >= 3);
  REQUIRE(key[2] == ':');
  const int bits = key[1] - '0';
  return Parsed{key[0] == 'p' ? RegexDialect::Python : RegexDialect::Re2,
                RegexFlags{(bits & 1) != 0, (bits & 2) != 0, (bits & 4) != 0}, key.substr(3)};
}

// Texts of every kind a pattern meets: ASCII Markdown, Unicode letters,
// digits and spaces (the exact form's case), empty.
std::vector<std::string> texts() {
  std::vector<std::string> out = {
      "",
      "# Title\n\n## When to use\n\nUse it when `x` fails.\n\n```bash\nrm -rf /tmp/x\n```\n",
      "name: x\ndescription: Does things. Use when asked.\n---\n### Step 1. Run\n- [ ] todo\n",
      "## \xC3\x9C" "bersicht\n\nT\xC3\xBCr \xD9\xA4 \xE6\x97\xA5\xC2\xA0" "end \xE2\x9D\x8C bad \xE2\x9C\x85 good\n",
      "Never ALWAYS must MUST should \xC4\xB0stanbul \xC4\xB1 scripts/run.py guides/a.md TODO FIXME\n",
  };
  for (const auto& f : embedded_rule_files()) out.emplace_back(f.content);  // the patterns' own words
  return out;
}

}  // namespace

TEST_SUITE("rules/verified_patterns") {
  TEST_CASE("the table holds the built-in profiles' patterns, sorted, each once") {
    const auto table = verified_patterns();
    REQUIRE(table.size() > 20);
    for (std::size_t i = 1; i < table.size(); ++i) CHECK(table[i - 1].key < table[i].key);
    CHECK(find_verified_pattern(R"(\w)", {}, RegexDialect::Python) == nullptr);  // no profile's pattern
  }

  TEST_CASE("a user's bad pattern still fails when it loads") {
    std::string error;
    CHECK_FALSE(Regex::compile("(unclosed", {}, RegexDialect::Python, error).has_value());
    CHECK_FALSE(error.empty());
    error.clear();
    CHECK_FALSE(Regex::compile(R"(\w{1000}{1000})", {}, RegexDialect::Python, error).has_value());
    CHECK_FALSE(error.empty());
  }

  TEST_CASE("every entry is what compiling the pattern at once says, and answers alike") {
    const auto samples = texts();
    for (const auto& entry : verified_patterns()) {
      const Parsed p = parse_key(entry.key);
      CAPTURE(p.source);
      REQUIRE(find_verified_pattern(p.source, p.flags, p.dialect) == &entry);
      std::string error;
      const auto now = Regex::compile_now(p.source, p.flags, p.dialect, error);
      REQUIRE_MESSAGE(now.has_value(), error);
      CHECK(now->group_count() == entry.groups);
      CHECK(now->matches_empty() == entry.matches_empty);
      CHECK(now->has_ascii_twin() == entry.ascii_twin);
      const auto lazy = Regex::compile(p.source, p.flags, p.dialect, error);
      REQUIRE(lazy.has_value());
      CHECK(lazy->group_count() == now->group_count());
      CHECK(lazy->matches_empty() == now->matches_empty());
      CHECK(lazy->re2_pattern() == now->re2_pattern());
      CHECK(lazy->ascii_pattern() == now->ascii_pattern());
      for (const auto& t : samples) {
        const auto a = lazy->search(t);
        const auto b = now->search(t);
        REQUIRE(a.has_value() == b.has_value());
        if (a) CHECK((a->begin == b->begin && a->end == b->end));
        if (!entry.matches_empty) CHECK(lazy->count(t) == now->count(t));
        if (entry.groups > 0) {
          std::vector<std::string_view> ga(entry.groups), gb(entry.groups);
          Match wa, wb;
          const bool fa = lazy->find_groups(t, 0, wa, ga.data(), entry.groups);
          REQUIRE(fa == now->find_groups(t, 0, wb, gb.data(), entry.groups));
          if (fa) CHECK((wa.begin == wb.begin && wa.end == wb.end && ga == gb));
        }
      }
    }
  }

  TEST_CASE("threads compiling the same pattern on first use get the same answers") {
    const auto table = verified_patterns();
    REQUIRE_FALSE(table.empty());
    std::vector<Regex> shared;
    for (const auto& entry : table) {
      const Parsed p = parse_key(entry.key);
      std::string error;
      shared.push_back(*Regex::compile(p.source, p.flags, p.dialect, error));
    }
    const auto samples = texts();
    std::vector<std::vector<std::size_t>> found(4);
    std::vector<std::thread> workers;
    for (auto& out : found) {
      workers.emplace_back([&] {
        for (const auto& re : shared)
          for (const auto& t : samples) out.push_back(re.search(t) ? re.search(t)->begin : std::string::npos);
      });
    }
    for (auto& w : workers) w.join();
    for (std::size_t i = 1; i < found.size(); ++i) CHECK(found[i] == found[0]);
  }
}
