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

namespace {

using namespace skillscore;
using report::Assessment;
using report::FileError;
using report::Issue;
using rules::Severity;

Issue make_issue(std::string rule, std::string slug, Severity sev, std::string message, std::size_t line,
                 std::string recommendation = "") {
  Issue i;
  i.rule = std::move(rule);
  i.slug = std::move(slug);
  i.severity = sev;
  i.message = std::move(message);
  i.line = line;
  i.recommendation = std::move(recommendation);
  return i;
}

Assessment make_assessment(std::string path, double score, score::Rating rating, std::vector<Issue> issues) {
  Assessment a;
  a.path = std::move(path);
  a.profile = "skill-fleet-v2";
  a.score.score = score;
  a.score.base = score;
  a.score.rating = rating;
  a.issues = std::move(issues);
  return a;
}

const std::string k_comma_path = "skills/a,b/SKILL.md";
const std::string k_script_path = "skills/<script>alert('x:1')</script>/SKILL.md";
const std::string k_quote_path = "skills/\"quoted\" & co/SKILL.md";
const std::string k_error_path = "skills/broken, \"x\"/SKILL.md";

// Three skills (paths with commas, quotes, markup) and one file error.
struct Fixture {
  std::vector<Assessment> assessments;
  std::vector<FileError> errors;
  rules::Profile profile;

  Fixture() {
    std::string err;
    auto p = rules::load_builtin_profile("skill-fleet-v2", err);
    REQUIRE_MESSAGE(p.has_value(), err);
    profile = std::move(*p);
    assessments.push_back(make_assessment(
        k_comma_path, 0.8125, score::Rating::Good,
        {make_issue("SF012", "section-core-patterns", Severity::Warning, "Missing \"Core Patterns\" section", 0,
                    "Add a Core Patterns section."),
         make_issue("SF030", "code-language", Severity::Info, "Code block at line 3 has no language: 50% of blocks", 3,
                    "Tag code blocks.")}));
    assessments.push_back(make_assessment(
        k_script_path, 0.412, score::Rating::Poor,
        {make_issue("SS001", "frontmatter-yaml-error", Severity::Error,
                    "Frontmatter: bad YAML\nline two | pipe, colon: here\x01", 2, "Fix the YAML."),
         make_issue("SF001", "frontmatter-name", Severity::Error, "name <missing> & 'empty'", 1)}));
    assessments.push_back(make_assessment(k_quote_path, 0.95, score::Rating::Excellent, {}));
    errors.push_back({k_error_path, "cannot read file: permission denied\nsecond line"});
  }

  report::RunContext context(std::optional<double> min_score = std::nullopt) const {
    report::RunContext c;
    c.profile = &profile;
    c.min_score = min_score;
    return c;
  }

  report::Summary summary(std::optional<double> min_score = std::nullopt, std::optional<double> min_mean = std::nullopt,
                          bool baseline = false) const {
    report::SummaryBuilder b;
    b.set_thresholds(min_score, min_mean);
    if (baseline) {
      b.set_baseline({{k_comma_path, 0.9}, {k_script_path, 0.3}, {k_quote_path, 0.95}, {"skills/gone/SKILL.md", 0.5}},
                     0.01);
    }
    for (const auto& a : assessments) b.add(a);
    for (std::size_t i = 0; i < errors.size(); ++i) b.add_error();
    return b.build();
  }

  // Renders everything with a fresh reporter: streamed output, then the rest.
  std::string render(report::Format format, std::optional<double> min_score = std::nullopt,
                     std::optional<double> min_mean = std::nullopt, bool baseline = false) const {
    auto r = report::make_reporter(format, context(min_score));
    REQUIRE(r != nullptr);
    std::string out;
    for (const auto& a : assessments) {
      r->add(a);
      out += r->take_streamed();
    }
    for (const auto& e : errors) r->add_error(e);
    out += r->take_streamed();
    out += r->finish(summary(min_score, min_mean, baseline));
    return out;
  }
};

[[maybe_unused]] std::size_t count(std::string_view hay, std::string_view needle) {
  std::size_t n = 0;
  for (auto pos = hay.find(needle); pos != std::string_view::npos; pos = hay.find(needle, pos + needle.size())) ++n;
  return n;
}

[[maybe_unused]] std::vector<std::string> split_lines(const std::string& s) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  while (start < s.size()) {
    auto end = s.find('\n', start);
    if (end == std::string::npos) end = s.size();
    lines.push_back(s.substr(start, end - start));
    start = end + 1;
  }
  return lines;
}

}  // namespace

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
