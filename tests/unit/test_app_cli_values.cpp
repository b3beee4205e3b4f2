// Tests for src/app/cli_values.cpp: thresholds, sizes with units, the nearest command.
#include <doctest/doctest.h>

#include <string_view>

#include "skillscore/app/cli_values.hpp"

using namespace skillscore::app;

TEST_SUITE("app/cli_values") {
  TEST_CASE("a threshold is a number from 0 to 1") {
    CHECK(parse_unit_interval("0.5") == 0.5);
    CHECK(parse_unit_interval("0") == 0.0);
    CHECK(parse_unit_interval("1") == 1.0);
    CHECK(parse_unit_interval("1e-1") == 0.1);
    for (std::string_view bad : {"", "abc", "0.5x", "1.01", "-0.1", "nan", " 0.5", "inf"}) {
      CHECK_MESSAGE(!parse_unit_interval(bad), bad);
    }
  }

  TEST_CASE("sizes: bytes or K, M, G (powers of 1024)") {
    CHECK(parse_size("1048576") == 1048576u);
    CHECK(parse_size("512K") == 512u * 1024);
    CHECK(parse_size("20M") == 20u << 20);
    CHECK(parse_size("20m") == 20u << 20);
    CHECK(parse_size("20MiB") == 20u << 20);
    CHECK(parse_size("1G") == 1u << 30);
    CHECK(parse_size("0") == 0u);
    for (std::string_view bad : {"", "M", "20X", "-1", "1.5M", "20 M", "99999999999999999999"}) {
      CHECK_MESSAGE(!parse_size(bad), bad);
    }
  }

  TEST_CASE("the nearest command") {
    constexpr std::string_view commands[] = {"score", "check", "rules", "explain", "version"};
    CHECK(nearest("chek", commands) == "check");
    CHECK(nearest("socre", commands) == "score");
    CHECK(nearest("expl", commands) == "explain");
    CHECK(nearest("rule", commands) == "rules");
    CHECK_FALSE(nearest("frobnicate", commands).has_value());
  }
}
