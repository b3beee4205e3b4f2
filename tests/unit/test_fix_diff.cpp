// Tests for src/fix/diff.cpp: unified diffs as diff -u writes them.
#include <doctest/doctest.h>

#include <string>

#include "skillscore/fix/diff.hpp"

using skillscore::fix::unified_diff;

TEST_SUITE("fix/diff") {
  TEST_CASE("equal texts: no diff") { CHECK(unified_diff("a\nb\n", "a\nb\n", "x", "y").empty()); }

  TEST_CASE("one changed line, with three lines of context") {
    const std::string a = "1\n2\n3\n4\n5\n6\n7\n8\n9\n";
    const std::string b = "1\n2\n3\n4\nfive\n6\n7\n8\n9\n";
    CHECK(unified_diff(a, b, "a/f", "b/f") ==
          "--- a/f\n+++ b/f\n@@ -2,7 +2,7 @@\n 2\n 3\n 4\n-5\n+five\n 6\n 7\n 8\n");
  }

  TEST_CASE("changes far apart are two hunks; close ones share one") {
    std::string a, b;
    for (int i = 1; i <= 20; ++i) {
      a += std::to_string(i) + "\n";
      b += (i == 2 || i == 18 ? "x" : std::to_string(i)) + "\n";
    }
    const auto d = unified_diff(a, b, "a", "b");
    CHECK(d.find("@@ -1,5 +1,5 @@") != std::string::npos);
    CHECK(d.find("@@ -15,6 +15,6 @@") != std::string::npos);
    std::string c = b;
    c.replace(c.find("\n9\n"), 3, "\nnine\n");
    CHECK(unified_diff(b, c, "a", "b").find("@@ -6,7 +6,7 @@") != std::string::npos);
  }

  TEST_CASE("insertions and deletions; an empty range names the line before") {
    CHECK(unified_diff("a\n", "x\na\n", "p", "q") == "--- p\n+++ q\n@@ -1,1 +1,2 @@\n+x\n a\n");
    CHECK(unified_diff("a\nb\n", "a\n", "p", "q") == "--- p\n+++ q\n@@ -1,2 +1,1 @@\n a\n-b\n");
    CHECK(unified_diff("", "a\n", "p", "q") == "--- p\n+++ q\n@@ -0,0 +1,1 @@\n+a\n");
  }

  TEST_CASE("a last line without a newline is marked") {
    CHECK(unified_diff("a", "a\n", "p", "q") == "--- p\n+++ q\n@@ -1,1 +1,1 @@\n-a\n\\ No newline at end of file\n+a\n");
  }

  TEST_CASE("a rewritten file of many lines is still a correct diff") {
    std::string a, b;
    for (int i = 0; i < 5000; ++i) {
      a += "line " + std::to_string(i) + "\r\n";
      b += "line " + std::to_string(i) + "\n";
    }
    const auto d = unified_diff(a, b, "p", "q");
    CHECK(d.find("@@ -1,5000 +1,5000 @@") != std::string::npos);
  }
}
