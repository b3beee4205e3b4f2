// Tests for src/report/csv_reporter.cpp: the output parses back as RFC 4180
// with the right columns, whatever the paths and messages hold.
#include <doctest/doctest.h>

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/report/reporter.hpp"
#include "skillscore/report/summary.hpp"
#include "skillscore/rules/loader.hpp"

#include "report_fixture.hpp"

using namespace skillscore::test::report_fixture;

namespace {

// A small RFC 4180 reader: quoted fields may hold commas, quotes (doubled)
// and line breaks; records end with LF or CRLF.
std::vector<std::vector<std::string>> parse_csv(std::string_view s, bool& ok) {
  ok = true;
  std::vector<std::vector<std::string>> rows;
  std::vector<std::string> row;
  std::string field;
  std::size_t i = 0;
  bool at_field_start = true;
  while (i < s.size()) {
    const char c = s[i];
    if (at_field_start && c == '"') {
      ++i;
      for (;;) {
        if (i >= s.size()) {
          ok = false;  // unterminated quote
          return rows;
        }
        if (s[i] == '"') {
          if (i + 1 < s.size() && s[i + 1] == '"') {
            field += '"';
            i += 2;
            continue;
          }
          ++i;
          break;
        }
        field += s[i++];
      }
      if (i < s.size() && s[i] != ',' && s[i] != '\n' && s[i] != '\r') ok = false;  // text after a closing quote
      at_field_start = false;
      continue;
    }
    if (c == '"') ok = false;  // a quote inside an unquoted field
    if (c == ',') {
      row.push_back(std::move(field));
      field.clear();
      at_field_start = true;
      ++i;
    } else if (c == '\n' || c == '\r') {
      row.push_back(std::move(field));
      field.clear();
      rows.push_back(std::move(row));
      row.clear();
      at_field_start = true;
      i += (c == '\r' && i + 1 < s.size() && s[i + 1] == '\n') ? 2 : 1;
    } else {
      field += c;
      at_field_start = false;
      ++i;
    }
  }
  if (!at_field_start || !field.empty() || !row.empty()) {
    row.push_back(std::move(field));
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace

TEST_SUITE("report/csv") {
  TEST_CASE("header, one row per skill and one per file error, in call order") {
    const Fixture f;
    const std::string out = f.render(report::Format::Csv);
    bool ok = false;
    const auto rows = parse_csv(out, ok);
    REQUIRE(ok);
    REQUIRE(rows.size() == 5);
    CHECK(rows[0] == std::vector<std::string>{"path", "score", "rating", "issues", "error"});
    for (const auto& r : rows) CHECK(r.size() == 5);
    CHECK(rows[1] == std::vector<std::string>{k_comma_path, "0.8125", "GOOD", "2", ""});
    CHECK(rows[2] == std::vector<std::string>{k_script_path, "0.412", "POOR", "2", ""});
    CHECK(rows[3] == std::vector<std::string>{k_quote_path, "0.95", "EXCELLENT", "0", ""});
    CHECK(rows[4] == std::vector<std::string>{k_error_path, "", "", "", "cannot read file: permission denied\nsecond line"});
    CHECK(out.back() == '\n');
  }

  TEST_CASE("quoting follows RFC 4180") {
    const Fixture f;
    const std::string out = f.render(report::Format::Csv);
    CHECK(out.find("\"skills/a,b/SKILL.md\",0.8125,GOOD,2,\n") != std::string::npos);
    CHECK(out.find("\"skills/\"\"quoted\"\" & co/SKILL.md\",0.95,EXCELLENT,0,\n") != std::string::npos);
    // No comma, quote or line break: left bare.
    CHECK(out.find("\nskills/<script>alert('x:1')</script>/SKILL.md,0.412,POOR,2,\n") != std::string::npos);
    CHECK(out.find(",,,,\"cannot read file: permission denied\nsecond line\"\n") != std::string::npos);
  }

  TEST_CASE("scores use Python's repr") {
    auto r = report::make_reporter(report::Format::Csv, {});
    r->add(make_assessment("a.md", 0.1 + 0.2, score::Rating::NeedsImprovement, {}));
    r->add(make_assessment("b.md", 1.0, score::Rating::Excellent, {}));
    bool ok = false;
    const auto rows = parse_csv(r->finish({}), ok);
    REQUIRE(ok);
    REQUIRE(rows.size() == 3);
    CHECK(rows[1][1] == "0.30000000000000004");
    CHECK(rows[1][2] == "NEEDS IMPROVEMENT");
    CHECK(rows[2][1] == "1.0");
  }

  TEST_CASE("a document format: nothing streamed, deterministic") {
    const Fixture f;
    auto r = report::make_reporter(report::Format::Csv, f.context());
    r->add(f.assessments[0]);
    CHECK(r->take_streamed().empty());
    CHECK(f.render(report::Format::Csv) == f.render(report::Format::Csv, 0.7, 0.9, true));
  }

  TEST_CASE("no results: the header only") {
    auto r = report::make_reporter(report::Format::Csv, {});
    CHECK(r->finish({}) == "path,score,rating,issues,error\n");
  }
}
