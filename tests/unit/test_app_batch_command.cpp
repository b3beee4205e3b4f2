// Tests for assessment_path (src/app/batch_command.cpp): where
// quality_assessment.json goes, never outside --output-dir.
#include <doctest/doctest.h>

#include <filesystem>
#include <optional>
#include <string>

#include "skillscore/app/batch_command.hpp"

namespace fs = std::filesystem;
using skillscore::app::assessment_path;

namespace {
bool inside(const fs::path& p, const fs::path& dir) {
  const fs::path rel = p.lexically_normal().lexically_relative(dir.lexically_normal());
  return !rel.empty() && *rel.begin() != "..";
}
}  // namespace

TEST_SUITE("app/batch_command") {
  TEST_CASE("beside the skill file without --output-dir") {
    CHECK(assessment_path("skills/x/SKILL.md", std::nullopt) == fs::path("skills/x/quality_assessment.json"));
    CHECK(assessment_path("/abs/x/SKILL.md", std::nullopt) == fs::path("/abs/x/quality_assessment.json"));
    CHECK(assessment_path("SKILL.md", std::nullopt) == fs::path("quality_assessment.json"));
  }

  TEST_CASE("mirrored under --output-dir") {
    const std::optional<std::string> out = "out";
    CHECK(assessment_path("skills/x/SKILL.md", out) == fs::path("out/skills/x/quality_assessment.json"));
    CHECK(assessment_path("SKILL.md", out) == fs::path("out/quality_assessment.json"));
    CHECK(assessment_path("./a/./b/SKILL.md", out) == fs::path("out/a/b/quality_assessment.json"));
  }

  TEST_CASE("never escapes --output-dir") {
    const std::optional<std::string> out = "/tmp/reports";
    for (const char* p : {"../x/SKILL.md", "/abs/x/SKILL.md", "../../../etc/SKILL.md", "a/../../b/SKILL.md", "//x/SKILL.md"}) {
      CAPTURE(p);
      const fs::path target = assessment_path(p, out);
      CHECK(inside(target, "/tmp/reports"));
      CHECK(target.filename() == "quality_assessment.json");
    }
    CHECK(assessment_path("../x/SKILL.md", out) == fs::path("/tmp/reports/x/quality_assessment.json"));
    CHECK(assessment_path("/abs/x/SKILL.md", out) == fs::path("/tmp/reports/abs/x/quality_assessment.json"));
    CHECK(assessment_path("a/../../b/SKILL.md", out) == fs::path("/tmp/reports/b/quality_assessment.json"));
  }
}
