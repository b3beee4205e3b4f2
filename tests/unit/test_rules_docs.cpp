// Every check of every built-in profile has a `doc` (what it checks, why, an
// example): it is the rule's published page (docs/rules/) and SARIF's fullDescription.
#include <doctest/doctest.h>

#include "skillscore/rules/loader.hpp"

using namespace skillscore::rules;

TEST_SUITE("rules/docs") {
  TEST_CASE("every built-in check has a doc") {
    for (const auto& name : builtin_profile_names()) {
      std::string error;
      const auto p = load_builtin_profile(name, error);
      REQUIRE_MESSAGE(p.has_value(), error);
      CHECK(!p->checks.empty());
      for (const auto& c : p->checks) {
        CAPTURE(c.id);
        CHECK(c.doc.size() > c.title.size());
      }
    }
  }
}
