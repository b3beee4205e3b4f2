// Tests for src/batch/discover.cpp on a temporary tree.
#include <doctest/doctest.h>
#include <unistd.h>

#include <filesystem>
#include <string>
#include <vector>

#include "skillscore/batch/discover.hpp"
#include "temp_dir.hpp"

namespace fs = std::filesystem;
using namespace skillscore::batch;
using skillscore::test::TempDir;

namespace {
// Switches the current directory for one scope.
class InDir {
 public:
  explicit InDir(const fs::path& p) : old_(fs::current_path()) { fs::current_path(p); }
  ~InDir() { fs::current_path(old_); }

 private:
  fs::path old_;
};

void make_tree(const TempDir& t) {
  t.write("SKILL.md", "root");
  t.write("a/SKILL.md", "a");
  t.write("b/deep/er/skill.md", "lower-case name");
  t.write(".claude/skills/x/SKILL.md", "hidden directories are searched");
  t.write(".git/SKILL.md", "skipped");
  t.write("node_modules/pkg/SKILL.md", "skipped");
  t.write("c/README.md", "not a skill name");
  t.write("c/Skill.md", "names are case-sensitive");
  fs::create_directories(t.path() / "loop");
  fs::create_directory_symlink("..", t.path() / "loop" / "link");  // loop/link -> the root
}
}  // namespace

TEST_SUITE("batch/discover") {
  TEST_CASE("skill files at any depth, sorted, relative to the current directory") {
    TempDir t;
    make_tree(t);
    InDir here(t.path());
    const Discovered d = discover({"."});
    CHECK(d.files == std::vector<std::string>{".claude/skills/x/SKILL.md", "SKILL.md", "a/SKILL.md", "b/deep/er/skill.md"});
    // The symlink loop is reported, once, as a note: nothing is missed.
    CHECK(d.problems.empty());
    REQUIRE(d.notes.size() == 1);
    CHECK(d.notes[0].path == "loop/link");
    CHECK(d.notes[0].message.find("symlink loop") != std::string::npos);
  }

  TEST_CASE("a broken symlink named SKILL.md is a problem, not a file") {
    TempDir t;
    t.write("a/SKILL.md", "a");
    fs::create_directories(t.path() / "b");
    fs::create_symlink(t.path() / "nowhere", t.path() / "b" / "SKILL.md");
    InDir here(t.path());
    const Discovered d = discover({"."});
    CHECK(d.files == std::vector<std::string>{"a/SKILL.md"});
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].path == "b/SKILL.md");
    CHECK(d.problems[0].message == "broken symlink");
  }

  TEST_CASE("links are followed: to a directory, to a skill file; a directory reached twice is listed once") {
    TempDir t;
    TempDir outside;
    outside.write("shared/SKILL.md", "reached through links");
    outside.write("real.md", "a skill file elsewhere");
    fs::create_directories(t.path() / "x");
    fs::create_directory_symlink(outside.path() / "shared", t.path() / "one");
    fs::create_directory_symlink(outside.path() / "shared", t.path() / "two");
    fs::create_symlink(outside.path() / "real.md", t.path() / "x" / "SKILL.md");
    t.write("both/SKILL.md", "upper case wins");
    t.write("both/skill.md", "lower case is left out");
    t.write("dir-named/SKILL.md/inner/SKILL.md", "a directory named SKILL.md");
    InDir here(t.path());
    const Discovered d = discover({"./"});
    // "SKILL.md" as a directory is listed (reading it fails with its path)
    // and walked into as well.
    CHECK(d.files == std::vector<std::string>{"both/SKILL.md", "dir-named/SKILL.md", "dir-named/SKILL.md/inner/SKILL.md",
                                              "one/SKILL.md", "x/SKILL.md"});
    CHECK(d.problems.empty());
    CHECK(d.notes.empty());
  }

  TEST_CASE("several threads find what one finds, problems and notes in the same order") {
    auto same = [](const Discovered& a, const Discovered& b) {
      auto flat = [](const std::vector<Discovered::Problem>& v) {
        std::vector<std::string> out;
        for (const auto& p : v) out.push_back(p.path + ": " + p.message);
        return out;
      };
      return a.files == b.files && flat(a.problems) == flat(b.problems) && flat(a.notes) == flat(b.notes);
    };
    TempDir t;
    TempDir outside;
    make_tree(t);  // loop/link points at the root: a loop only a walk from the root sees
    outside.write("shared/SKILL.md", "reached from two subtrees");
    fs::create_directory_symlink(outside.path() / "shared", t.path() / "a" / "one");
    fs::create_directories(t.path() / "m");
    fs::create_directory_symlink(outside.path() / "shared", t.path() / "m" / "two");
    fs::create_directory_symlink(t.path() / "b" / "deep", t.path() / "b" / "deep" / "er" / "back");  // a loop inside b
    fs::create_symlink(t.path() / "nowhere", t.path() / "SKILL.md.broken");
    fs::create_directories(t.path() / "z" / "q");
    fs::create_symlink(t.path() / "nowhere", t.path() / "z" / "q" / "SKILL.md");
    fs::create_directories(t.path() / "y");
    fs::create_symlink(t.path() / "nowhere", t.path() / "y" / "SKILL.md");
    for (int k = 0; k < 20; ++k) t.write("many/s" + std::to_string(k) + "/SKILL.md", "x");
    InDir here(t.path());
    DiscoveryOptions two;
    two.jobs = 2;
    DiscoveryOptions four;
    four.jobs = 4;
    for (const std::string root : {".", "./", "many", "b"}) {
      const Discovered one = discover({root});
      CHECK_MESSAGE(same(one, discover({root}, two)), root);
      CHECK_MESSAGE(same(one, discover({root}, four)), root);
    }
    const Discovered one = discover({"."});
    CHECK(one.files.size() == 25);  // the shared skill once
    CHECK(one.problems.size() == 2);
    CHECK(one.notes.size() == 2);
    // Without links between subtrees (no fallback to one thread).
    fs::remove(t.path() / "m" / "two");
    CHECK(same(discover({"."}), discover({"."}, two)));
  }

  TEST_CASE("absolute paths outside the current directory stay absolute") {
    TempDir t;
    make_tree(t);
    TempDir elsewhere;
    InDir here(elsewhere.path());
    const Discovered d = discover({t.path().string() + "/a", (t.path() / "c" / "README.md").string()});
    CHECK(d.files == std::vector<std::string>{(t.path() / "a" / "SKILL.md").string(), (t.path() / "c" / "README.md").string()});
    CHECK(d.problems.empty());
  }

  TEST_CASE("a named file is taken whatever its name; duplicates are dropped") {
    TempDir t;
    make_tree(t);
    InDir here(t.path());
    const Discovered d = discover({"c/README.md", "a", "./a/SKILL.md"});
    CHECK(d.files == std::vector<std::string>{"a/SKILL.md", "c/README.md"});
  }

  TEST_CASE("missing paths are reported and the others still found") {
    TempDir t;
    make_tree(t);
    InDir here(t.path());
    const Discovered d = discover({"missing", "a"});
    CHECK(d.files == std::vector<std::string>{"a/SKILL.md"});
    REQUIRE(d.problems.size() == 1);
    CHECK(d.problems[0].path == "missing");
    CHECK(d.problems[0].message == "no such file or directory");
  }

  TEST_CASE("custom skip list") {
    TempDir t;
    make_tree(t);
    InDir here(t.path());
    DiscoveryOptions o;
    o.skip_dirs = {"a", "loop"};
    const Discovered d = discover({"."}, o);
    CHECK(d.files == std::vector<std::string>{".claude/skills/x/SKILL.md", ".git/SKILL.md", "SKILL.md", "b/deep/er/skill.md",
                                              "node_modules/pkg/SKILL.md"});
    CHECK(d.problems.empty());
    CHECK(d.notes.empty());  // the loop directory is skipped
  }

  TEST_CASE("is_skill_file_name and display_path") {
    CHECK(is_skill_file_name("SKILL.md"));
    CHECK(is_skill_file_name("skill.md"));
    CHECK_FALSE(is_skill_file_name("Skill.md"));
    CHECK_FALSE(is_skill_file_name("SKILL.md.bak"));
    CHECK(display_path("./x/../y/SKILL.md") == "y/SKILL.md");
    CHECK(display_path(fs::current_path() / "z" / "SKILL.md") == "z/SKILL.md");
  }
}
