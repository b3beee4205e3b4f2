// Tests for src/util/file_io.cpp: universal newlines as Python's read_text
// gives them, atomic writes, and reads that refuse what is not a regular file.
#include <doctest/doctest.h>
#include <sys/stat.h>

#include <chrono>
#include <string>

#include "skillscore/util/file_io.hpp"
#include "temp_dir.hpp"

using namespace skillscore::util;
using skillscore::test::slurp;
using skillscore::test::TempDir;

TEST_SUITE("util/file_io") {
  TEST_CASE("normalize_newlines is Python's universal newlines") {
    // open(newline=None) / read_text(): "\r\n" and lone "\r" both become "\n".
    CHECK(normalize_newlines("a\r\nb\r\n") == "a\nb\n");
    CHECK(normalize_newlines("a\rb\r") == "a\nb\n");
    CHECK(normalize_newlines("lf\ncrlf\r\ncr\rend") == "lf\ncrlf\ncr\nend");
    CHECK(normalize_newlines("\r\r\n\n") == "\n\n\n");  // CR, CRLF, LF: three newlines
    CHECK(normalize_newlines("\n\r") == "\n\n");
    CHECK(normalize_newlines("no newline") == "no newline");
    CHECK(normalize_newlines("") == "");
  }

  TEST_CASE("normalize_newlines_in_place gives what normalize_newlines gives") {
    // Random texts over the bytes that matter, runs of them included.
    const char alphabet[] = {'\r', '\n', 'a', '\r', 'b'};
    unsigned seed = 11;
    for (int round = 0; round < 2000; ++round) {
      std::string text;
      seed = seed * 1103515245u + 12345u;
      const std::size_t len = (seed >> 16) % 40;
      for (std::size_t i = 0; i < len; ++i) {
        seed = seed * 1103515245u + 12345u;
        text += alphabet[(seed >> 16) % sizeof alphabet];
      }
      std::string in_place = text;
      normalize_newlines_in_place(in_place);
      REQUIRE(in_place == normalize_newlines(text));
    }
  }

  TEST_CASE("read_file reads into the buffer it is given, whatever it held") {
    TempDir dir;
    const auto file = dir.path() / "SKILL.md";
    REQUIRE(write_file_atomic(file, "short") == "");
    std::string buffer(5000, 'x');
    const auto r = read_file(file, 1 << 20, std::move(buffer));
    CHECK(r.ok);
    CHECK(r.data == "short");
  }

  TEST_CASE("write_file_atomic writes and replaces without leaving temp files") {
    TempDir dir;
    const auto target = dir.path() / "quality_assessment.json";
    CHECK(write_file_atomic(target, "{\"a\": 1}\n") == "");
    CHECK(slurp(target) == "{\"a\": 1}\n");
    CHECK(write_file_atomic(target, "second") == "");
    CHECK(slurp(target) == "second");
    CHECK(write_file_atomic(target, "") == "");
    CHECK(slurp(target) == "");
    CHECK(dir.entries() == std::set<std::string>{"quality_assessment.json"});
  }

  TEST_CASE("write_file_atomic fails cleanly when the directory is missing") {
    TempDir dir;
    const auto target = dir.path() / "missing" / "out.json";
    const std::string err = write_file_atomic(target, "x");
    CHECK_FALSE(err.empty());
    CHECK(err.find("No such file or directory") != std::string::npos);
    CHECK_FALSE(std::filesystem::exists(target));
    CHECK(dir.entries().empty());
  }

  TEST_CASE("read_file reads a regular file whole") {
    TempDir dir;
    const std::string content = std::string("line\r\n\0binary\xFF", 14);
    const auto p = dir.write("SKILL.md", content);
    const ReadResult r = read_file(p, 1024);
    CHECK(r.ok);
    CHECK(r.error.empty());
    CHECK(r.data == content);  // bytes as they are: no newline translation here
  }

  TEST_CASE("read_file refuses files above max_bytes but takes one at the limit") {
    TempDir dir;
    const auto p = dir.write("big.md", std::string(100, 'x'));
    CHECK(read_file(p, 100).ok);
    const ReadResult r = read_file(p, 99);
    CHECK_FALSE(r.ok);
    CHECK(r.data.empty());
    CHECK(r.error.find("100 bytes") != std::string::npos);
  }

  TEST_CASE("read_file refuses a directory, a missing file and a FIFO") {
    TempDir dir;
    SUBCASE("directory") {
      const ReadResult r = read_file(dir.path(), 1 << 20);
      CHECK_FALSE(r.ok);
      CHECK(r.error == "is a directory");
    }
    SUBCASE("missing") {
      const ReadResult r = read_file(dir.path() / "nope.md", 1 << 20);
      CHECK_FALSE(r.ok);
      CHECK(r.error.find("cannot open") != std::string::npos);
    }
    SUBCASE("FIFO without a writer does not block") {
      const auto fifo = dir.path() / "SKILL.md";
      REQUIRE(::mkfifo(fifo.c_str(), 0600) == 0);
      const auto start = std::chrono::steady_clock::now();
      const ReadResult r = read_file(fifo, 1 << 20);
      const auto took = std::chrono::steady_clock::now() - start;
      CHECK_FALSE(r.ok);
      CHECK(r.error == "not a regular file");
      CHECK(took < std::chrono::seconds(2));
    }
  }
}
