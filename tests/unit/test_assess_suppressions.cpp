// Tests for src/assess/suppressions.cpp: skillscore-disable / -enable /
// -disable-next-line comments, and unknown rules in them.
#include <doctest/doctest.h>

#include <string>

#include "skillscore/assess/suppressions.hpp"

using skillscore::assess::apply_suppressions;
using skillscore::assess::Assessment;
using skillscore::assess::Issue;

namespace {
Assessment with_issues() {
  Assessment a;
  a.issues.push_back({"SF021", "pattern-count", skillscore::rules::Severity::Warning, "few patterns", 5, "", 0});
  a.issues.push_back({"SF031", "code-placeholders", skillscore::rules::Severity::Warning, "TODO", 9, "", 0});
  a.issues.push_back({"SF040", "core-principle", skillscore::rules::Severity::Warning, "no principle", 0, "", 0});
  return a;
}
const std::set<std::string> k_known{"SF021", "pattern-count", "SF031", "code-placeholders", "SF040", "core-principle"};

bool has(const Assessment& a, const std::string& rule) {
  for (const auto& i : a.issues) {
    if (i.rule == rule) return true;
  }
  return false;
}
}  // namespace

TEST_SUITE("assess/suppressions") {
  TEST_CASE("no directive changes nothing") {
    Assessment a = with_issues();
    apply_suppressions("line 1\nline 2\n", k_known, a);
    CHECK(a.issues.size() == 3);
  }

  TEST_CASE("disable-next-line suppresses only the next line, by id or slug") {
    Assessment a = with_issues();
    apply_suppressions("1\n2\n3\n<!-- skillscore-disable-next-line pattern-count -->\n5\n", k_known, a);
    CHECK_FALSE(has(a, "SF021"));
    CHECK(has(a, "SF031"));
    Assessment b = with_issues();
    apply_suppressions("1\n2\n<!-- skillscore-disable-next-line SF021 -->\n4\n5\n", k_known, b);
    CHECK(has(b, "SF021"));  // line 5 is not the next line of line 3
  }

  TEST_CASE("disable ... enable covers the lines between; no list means all rules") {
    Assessment a = with_issues();
    apply_suppressions("1\n2\n<!-- skillscore-disable -->\n4\n5\n6\n<!-- skillscore-enable -->\n8\n9\n", k_known, a);
    CHECK_FALSE(has(a, "SF021"));  // line 5: disabled
    CHECK(has(a, "SF031"));        // line 9: enabled again
    CHECK(has(a, "SF040"));        // no line: enabled again at the end of the file
  }

  TEST_CASE("an issue without a line is suppressed when its rule stays disabled") {
    Assessment a = with_issues();
    apply_suppressions("<!-- skillscore-disable SF040 -->\n", k_known, a);
    CHECK_FALSE(has(a, "SF040"));
    CHECK(has(a, "SF021"));
  }

  TEST_CASE("an unknown rule in a directive is reported at its line") {
    Assessment a = with_issues();
    apply_suppressions("1\n<!-- skillscore-disable SF999 -->\n", k_known, a);
    REQUIRE(has(a, "SS003"));
    CHECK(a.issues.back().line == 2);
    CHECK(a.issues.back().message.find("'SF999'") != std::string::npos);
  }
}
