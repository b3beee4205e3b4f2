// Tests for src/batch/runner.cpp: results come back in file order whatever
// the number of jobs, and a file that cannot be read or decoded is a
// FileError while the others are scored.
#include <doctest/doctest.h>

#include <any>
#include <atomic>
#include <stdexcept>
#include <string>
#include <vector>

#include "skillscore/batch/runner.hpp"
#include "skillscore/report/json_report.hpp"
#include "skillscore/rules/loader.hpp"
#include "temp_dir.hpp"

using namespace skillscore;
using skillscore::test::TempDir;

namespace {
rules::Profile builtin() {
  std::string error;
  auto p = rules::load_builtin_profile("skill-fleet-v2", error);
  REQUIRE_MESSAGE(p.has_value(), error);
  return std::move(*p);
}

struct Collected {
  std::vector<std::size_t> order;
  std::vector<std::string> json;  // assessment JSON, or "ERROR: message"
};

Collected run_all(const rules::Profile& p, const std::vector<std::string>& files, unsigned jobs) {
  Collected c;
  batch::RunOptions o;
  o.jobs = jobs;
  batch::run(p, files, o, [&](std::size_t i, batch::FileResult&& r) {
    c.order.push_back(i);
    c.json.push_back(r.assessment ? report::assessment_json(*r.assessment, 0) : "ERROR: " + r.error->message);
  });
  return c;
}
}  // namespace

TEST_SUITE("batch/runner") {
  TEST_CASE("jobs=1 and jobs=3 give identical results in the same order") {
    TempDir t;
    std::vector<std::string> files;
    for (int i = 0; i < 12; ++i) {
      std::string text = "---\nname: skill-" + std::to_string(i) + "\ndescription: Use when testing case " +
                         std::to_string(i) + "\n---\n\n## Overview\n\n";
      for (int k = 0; k < i % 6; ++k) text += "### Pattern " + std::to_string(k) + "\n\n";
      files.push_back(t.write("s" + std::to_string(100 + i) + "/SKILL.md", text).string());
    }
    files.insert(files.begin() + 5, t.write("bad/SKILL.md", "caf\xE9\n").string());  // Windows-1252
    files.insert(files.begin() + 8, (t.path() / "missing" / "SKILL.md").string());
    const rules::Profile p = builtin();
    const Collected one = run_all(p, files, 1);
    const Collected three = run_all(p, files, 3);
    std::vector<std::size_t> expected_order(files.size());
    for (std::size_t i = 0; i < files.size(); ++i) expected_order[i] = i;
    CHECK(one.order == expected_order);
    CHECK(three.order == expected_order);
    CHECK(one.json == three.json);
    REQUIRE(one.json.size() == 14);
    CHECK(one.json[5].find("ERROR: not valid UTF-8") == 0);
    CHECK(one.json[5].find("offset 3") != std::string::npos);
    CHECK(one.json[8].find("ERROR: cannot open") == 0);
    CHECK(one.json[0].find("\"path\":\"" + files[0] + "\"") != std::string::npos);
    CHECK(one.json[13].find("\"path\":\"" + files[13] + "\"") != std::string::npos);
  }

  TEST_CASE("score_file scores a file as the reference reads it") {
    TempDir t;
    // CRLF endings arrive as "\n" (read_text's universal newlines).
    const auto path = t.write("SKILL.md", "---\r\nname: x\r\ndescription: Use when y\r\n---\r\n\r\n## Overview\r\n").string();
    batch::RunOptions options;
    options.max_file_size = 1 << 20;
    const batch::FileResult r = batch::score_file(builtin(), path, options);
    REQUIRE(r.assessment.has_value());
    CHECK_FALSE(r.error.has_value());
    CHECK(r.assessment->path == path);
    CHECK(r.assessment->profile == "skill-fleet-v2");
    REQUIRE(r.assessment->strengths.size() >= 3);
    CHECK(r.assessment->strengths[0] == "Has skill name");
    CHECK(r.assessment->strengths[1] == "Description follows 'Use when...' pattern");
    CHECK(r.assessment->strengths[2] == "Has Overview section");
  }

  TEST_CASE("score_file refuses files above the size limit") {
    TempDir t;
    const auto path = t.write("SKILL.md", std::string(2000, 'x')).string();
    batch::RunOptions options;
    options.max_file_size = 1000;
    const batch::FileResult r = batch::score_file(builtin(), path, options);
    CHECK_FALSE(r.assessment.has_value());
    REQUIRE(r.error.has_value());
    CHECK(r.error->path == path);
    CHECK(r.error->message.find("above the limit") != std::string::npos);
  }

  TEST_CASE("past the window, with more jobs than cores: one sink call at a time, in order") {
    TempDir t;
    std::vector<std::string> files;
    for (int i = 0; i < 700; ++i) {  // the window holds 64 per job
      files.push_back(t.write("s" + std::to_string(1000 + i) + "/SKILL.md",
                              "---\nname: s" + std::to_string(i) + "\ndescription: Use when " + std::to_string(i) + "\n---\n")
                          .string());
    }
    std::atomic<int> inside{0};
    int overlaps = 0;
    std::vector<std::size_t> order;
    std::vector<std::string> paths;
    batch::RunOptions o;
    o.jobs = 4;
    batch::run(builtin(), files, o, [&](std::size_t i, batch::FileResult&& r) {
      if (inside.fetch_add(1) != 0) ++overlaps;
      order.push_back(i);
      paths.push_back(r.assessment ? r.assessment->path : "");
      inside.fetch_sub(1);
    });
    CHECK(overlaps == 0);
    REQUIRE(order.size() == files.size());
    for (std::size_t i = 0; i < files.size(); ++i) {
      CHECK(order[i] == i);
      CHECK(paths[i] == files[i]);
    }
  }

  TEST_CASE("a sink that throws ends the run; the exception reaches the caller and no call follows") {
    TempDir t;
    std::vector<std::string> files;
    for (int i = 0; i < 200; ++i) files.push_back(t.write("s" + std::to_string(100 + i) + "/SKILL.md", "# x\n").string());
    for (unsigned jobs : {1u, 3u}) {
      CAPTURE(jobs);
      std::vector<std::size_t> seen;
      batch::RunOptions o;
      o.jobs = jobs;
      CHECK_THROWS_WITH(batch::run(builtin(), files, o,
                                   [&](std::size_t i, batch::FileResult&&) {
                                     seen.push_back(i);
                                     if (i == 17) throw std::runtime_error("disk full");
                                   }),
                        "disk full");
      REQUIRE(seen.size() == 18);
      CHECK(seen.back() == 17);
    }
  }

  TEST_CASE("a stop raised during the run: what is handed over is a prefix of the files, in order") {
    TempDir t;
    std::vector<std::string> files;
    for (int i = 0; i < 400; ++i) files.push_back(t.write("s" + std::to_string(100 + i) + "/SKILL.md", "# x\n").string());
    for (unsigned jobs : {1u, 2u, 4u}) {
      CAPTURE(jobs);
      std::atomic<int> stop{0};
      std::vector<std::size_t> seen;
      batch::RunOptions o;
      o.jobs = jobs;
      o.stop = &stop;
      batch::run(builtin(), files, o, [&](std::size_t i, batch::FileResult&&) {
        seen.push_back(i);
        if (i == 30) stop.store(2);  // as the SIGINT handler does
      });
      REQUIRE(seen.size() >= 31);
      CHECK(seen.size() < files.size());
      for (std::size_t k = 0; k < seen.size(); ++k) CHECK(seen[k] == k);
    }
  }

  TEST_CASE("prepare runs on each scored file and its result reaches the sink with it; one that throws leaves it empty") {
    TempDir t;
    std::vector<std::string> files;
    for (int i = 0; i < 150; ++i) {
      files.push_back(t.write("s" + std::to_string(100 + i) + "/SKILL.md", "# x" + std::to_string(i) + "\n").string());
    }
    files.insert(files.begin() + 3, (t.path() / "missing" / "SKILL.md").string());
    for (unsigned jobs : {1u, 3u}) {
      CAPTURE(jobs);
      batch::RunOptions o;
      o.jobs = jobs;
      std::atomic<int> prepared{0};
      o.prepare = [&](const report::Assessment& a) {
        ++prepared;
        if (a.path == files[7]) throw std::runtime_error("out of memory");
        return std::any(report::assessment_json(a, 0));
      };
      std::vector<std::string> seen;
      batch::run(builtin(), files, o, [&](std::size_t i, batch::FileResult&& r) {
        const auto* json = std::any_cast<std::string>(&r.prepared);
        if (!r.assessment) {
          CHECK_FALSE(r.prepared.has_value());
          seen.push_back("ERROR");
        } else if (!json) {
          seen.push_back("EMPTY " + r.assessment->path);
        } else {
          CHECK(*json == report::assessment_json(*r.assessment, 0));
          seen.push_back(files[i]);
        }
      });
      CHECK(prepared.load() == 150);  // the missing file is not prepared
      REQUIRE(seen.size() == files.size());
      CHECK(seen[3] == "ERROR");
      CHECK(seen[7] == "EMPTY " + files[7]);
      CHECK(seen[8] == files[8]);
    }
  }

  TEST_CASE("an empty file list calls nothing") {
    const Collected c = run_all(builtin(), {}, 4);
    CHECK(c.order.empty());
  }
}
