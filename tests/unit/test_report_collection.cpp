// Tests for src/report/collection.cpp: the start-up budget and duplicates.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>

#include "skillscore/report/collection.hpp"

using namespace skillscore::report;

TEST_SUITE("report/collection") {
  TEST_CASE("sums names and descriptions against the host's limits") {
    std::vector<CollectionSkill> skills;
    for (int i = 0; i < 10; ++i) {
      skills.push_back({"s" + std::to_string(i) + "/SKILL.md", "skill-" + std::string(1, static_cast<char>('a' + i)) + "x" + std::to_string(i * 7),
                        "Use when task number " + std::to_string(i) + " " + std::string(900, static_cast<char>('a' + i))});
    }
    const auto r = check_collection(skills, Host::ClaudeCode);
    CHECK(r.skills == 10);
    CHECK(r.over_total);  // 10 x ~930 characters > 8,000
    CHECK(r.over_per_skill == 0);
    CHECK(r.duplicate_names.empty());
    CHECK(r.near_duplicate_descriptions.empty());
    const auto a = check_collection(skills, Host::AgentSkills);
    CHECK_FALSE(a.over_total);  // the specification sets no limit on the sum
  }

  TEST_CASE("duplicate and near-duplicate names and descriptions, in path order") {
    const std::string base = "Use when reviewing pull requests for security problems in web applications written in Go";
    std::vector<CollectionSkill> skills = {
        {"b/SKILL.md", "pr-review", base},
        {"a/SKILL.md", "pr-review", "Use when writing release notes from merged pull requests"},
        {"c/SKILL.md", "pr_review", "Something else entirely about databases and indexes and plans"},
        {"d/SKILL.md", "sql-tuning", base + " and Rust"},
        {"e/SKILL.md", "sql-tunings", "USE WHEN writing release notes, from merged pull requests!"},
    };
    const auto r = check_collection(skills, Host::ClaudeCode);
    REQUIRE(r.duplicate_names.size() == 1);
    CHECK(r.duplicate_names[0].paths == std::vector<std::string>{"a/SKILL.md", "b/SKILL.md"});
    // pr_review is pr-review with another separator; sql-tunings is one edit from sql-tuning.
    CHECK(r.near_duplicate_names.size() == 2);
    REQUIRE(r.duplicate_descriptions.size() == 1);  // case and punctuation ignored
    CHECK(r.duplicate_descriptions[0].paths == std::vector<std::string>{"a/SKILL.md", "e/SKILL.md"});
    REQUIRE(r.near_duplicate_descriptions.size() == 1);
    CHECK(r.near_duplicate_descriptions[0].paths == std::vector<std::string>{"b/SKILL.md", "d/SKILL.md"});
    CHECK(r.near_duplicate_descriptions[0].similarity >= 0.8);
    CHECK(r.failed());
    // The same answer whatever the input order.
    std::reverse(skills.begin(), skills.end());
    CHECK(collection_json(check_collection(skills, Host::ClaudeCode)) == collection_json(r));
  }
}
