// Tests for src/report/html_reporter.cpp (and html_util.cpp): one
// self-contained page whose text from skills is always escaped, whose JSON
// data block cannot be closed from inside, which loads nothing from the
// network, whose headline is the Summary's, with one table row per skill, and
// which is the same bytes for the same input.
#include <doctest/doctest.h>

#include <cstddef>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <re2/re2.h>
#include <string>
#include <string_view>
#include <vector>

#include "report/html_assets.hpp"
#include "report/html_util.hpp"
#include "report/report_util.hpp"
#include "report_fixture.hpp"
#include "skillscore/report/reporter.hpp"
#include "skillscore/report/summary.hpp"
#include "skillscore/rules/loader.hpp"

namespace {

using namespace skillscore;
using report::Assessment;
using report::FileError;
using report::Issue;
using rules::Severity;

using test::report_fixture::count;
using test::report_fixture::make_assessment;
using test::report_fixture::make_issue;

const std::string k_script_path = "skills/<script>alert(1)</script>/SKILL.md";
const std::string k_quote_path = "skills/\"quoted\" & 'co'/SKILL.md";
const std::string k_plain_path = "skills/plain/SKILL.md";
const std::string k_error_path = "skills/<img src=x onerror=alert(3)>/SKILL.md";
const std::string k_script_message = "<script>alert(1)</script> in the name";
const std::string k_close_message = "ends </script><script>alert(2)</script> and <!-- a comment";
const std::string k_separators = "line\xE2\x80\xA8separator\xE2\x80\xA9paragraph";  // U+2028, U+2029
const std::string k_long_recommendation =
    "Add a \"## Core Patterns\" section with the patterns as \"### Pattern N\" subsections, each with a <Bad> and a "
    "<Good> example.";

struct Fixture {
  std::vector<Assessment> assessments;
  std::vector<FileError> errors;
  rules::Profile profile;

  Fixture() {
    std::string err;
    auto p = rules::load_builtin_profile("skill-fleet-v2", err);
    REQUIRE_MESSAGE(p.has_value(), err);
    profile = std::move(*p);
    // Path order, as the batch runner delivers them.
    assessments.push_back(make_assessment(
        k_quote_path, 0.95, score::Rating::Excellent, {}, {"Has Overview section", "Strength with <b>markup</b>"}));
    assessments.push_back(make_assessment(
        k_plain_path, 0.8125, score::Rating::Good,
        {make_issue("SF012", "section-core-patterns", Severity::Warning, "Missing Core Patterns section", 0,
                    k_long_recommendation),
         make_issue("SF030", "code-language", Severity::Info, k_separators, 3, "Tag code blocks.")},
        {"Has Overview section"}));
    assessments.push_back(make_assessment(
        k_script_path, 0.412, score::Rating::Poor,
        {make_issue("SS001", "frontmatter-yaml-error", Severity::Error, k_script_message, 2, k_close_message),
         make_issue("SF012", "section-core-patterns", Severity::Warning, k_close_message, 0, k_long_recommendation)},
        {"</script>"}));
    errors.push_back({k_error_path, "cannot read: <b>denied</b>"});
  }

  report::RunContext context(std::optional<double> min_score = std::nullopt) const {
    report::RunContext c;
    c.profile = &profile;
    c.gates.min_score = min_score;
    return c;
  }

  report::Summary summary(std::optional<double> min_score = std::nullopt,
                          std::optional<std::map<std::string, double>> baseline = std::nullopt) const {
    report::SummaryBuilder b;
    b.set_gates({min_score, std::nullopt, {}, false, 0.0, false});
    if (baseline) b.set_baseline(*baseline, 0.01);
    for (const auto& a : assessments) b.add(a);
    for (std::size_t i = 0; i < errors.size(); ++i) b.add_error();
    return b.build();
  }

  std::string render(std::optional<double> min_score = std::nullopt,
                     std::optional<std::map<std::string, double>> baseline = std::nullopt) const {
    auto c = context(min_score);
    c.baseline = baseline;
    auto r = report::make_reporter(report::Format::Html, c);
    REQUIRE(r != nullptr);
    std::string out;
    for (const auto& a : assessments) {
      r->add(a);
      out += r->take_streamed();
    }
    for (const auto& e : errors) r->add_error(e);
    out += r->take_streamed();
    CHECK(out.empty());  // a document format: everything at the end
    out += r->finish(summary(min_score, baseline));
    return out;
  }
};

bool contains(std::string_view hay, std::string_view needle) { return hay.find(needle) != std::string_view::npos; }

// The text of the JSON data block.
std::string data_block(const std::string& html) {
  const std::string open = "<script type=\"application/json\" id=\"data\">";
  const auto start = html.find(open);
  REQUIRE(start != std::string::npos);
  const auto end = html.find("</script>", start);
  REQUIRE(end != std::string::npos);
  return html.substr(start + open.size(), end - start - open.size());
}

// The text of the last (executable) <script> element.
std::string main_script(const std::string& html) {
  const auto start = html.rfind("<script>");
  REQUIRE(start != std::string::npos);
  const auto end = html.find("</script>", start);
  REQUIRE(end != std::string::npos);
  return html.substr(start + 8, end - start - 8);
}

std::string style_text(const std::string& html) {
  const auto start = html.find("<style>");
  REQUIRE(start != std::string::npos);
  const auto end = html.find("</style>", start);
  return html.substr(start + 7, end - start - 7);
}

// Text of the element with id="id" up to the next '<'.
std::string by_id(const std::string& html, const std::string& id) {
  const std::string key = "id=\"" + id + "\"";
  auto pos = html.find(key);
  if (pos == std::string::npos) return "<absent>";
  pos = html.find('>', pos);
  const auto end = html.find('<', pos);
  return html.substr(pos + 1, end - pos - 1);
}

// Paths of the skills-table rows, in order (HTML entities left as they are).
std::vector<std::string> row_paths(const std::string& html) {
  std::vector<std::string> out;
  const std::string key = "<th scope=row>";
  for (auto pos = html.find(key); pos != std::string::npos; pos = html.find(key, pos + 1)) {
    const auto start = pos + key.size();
    out.push_back(html.substr(start, html.find('<', start) - start));
  }
  return out;
}

}  // namespace

TEST_SUITE("report/html") {
  TEST_CASE("utilities: escaping, script-safe JSON strings, SHA-256, base64") {
    using report::html::escape;
    CHECK(escape("<a href=\"x\">&'</a>") == "&lt;a href=&quot;x&quot;&gt;&amp;&#39;&lt;/a&gt;");
    CHECK(escape("bad \xFF byte") == "bad \xEF\xBF\xBD byte");
    CHECK(report::html::script_json_string("</script>&\xE2\x80\xA8\xE2\x80\xA9\"\n") ==
          "\"\\u003c/script\\u003e\\u0026\\u2028\\u2029\\\"\\n\"");
    const auto abc = report::html::sha256("abc");
    CHECK(report::detail::hex64((std::uint64_t{abc[0]} << 56) | (std::uint64_t{abc[1]} << 48) |
                                (std::uint64_t{abc[2]} << 40) | (std::uint64_t{abc[3]} << 32) |
                                (std::uint64_t{abc[4]} << 24) | (std::uint64_t{abc[5]} << 16) |
                                (std::uint64_t{abc[6]} << 8) | abc[7]) == "ba7816bf8f01cfea");
    CHECK(report::html::csp_hash("") == "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='");
    // 55 and 56 bytes: the padding spills into a second block at 56.
    CHECK(report::html::csp_hash(std::string(55, 'a')) == "'sha256-n0OQ+NMMLdkuyfCVtl4rmumwqSWlJY4kHJ8ekQ9zQxg='");
    CHECK(report::html::csp_hash(std::string(56, 'a')) == "'sha256-s1Q5pKxvCUi21vnjxq8PX1kM4g8b3nCQ73lwaG7Gc4o='");
    std::string seq;
    for (int i = 0; i < 200; ++i) seq += static_cast<char>(i);
    CHECK(report::html::csp_hash(seq.substr(0, 64)) == "'sha256-/eq5rPNxA2K9JljNyaKej5x1f8+YEWA6jER80dkVEQg='");
    CHECK(report::html::csp_hash(seq) == "'sha256-GQHaHJ9pm0j2smNuZcv3Or+Z0EQe9n9cVApC9wUd7G8='");
    const std::uint8_t bytes[] = {'M', 'a', 'n', 'y'};
    CHECK(report::html::base64(bytes, 1) == "TQ==");
    CHECK(report::html::base64(bytes, 2) == "TWE=");
    CHECK(report::html::base64(bytes, 3) == "TWFu");
    CHECK(report::html::base64(bytes, 4) == "TWFueQ==");
  }

  TEST_CASE("markup from skills is escaped everywhere") {
    const Fixture f;
    const std::string html = f.render(0.5);
    CHECK_FALSE(contains(html, "<script>alert"));
    CHECK_FALSE(contains(html, "<img"));
    CHECK_FALSE(contains(html, "<b>"));
    CHECK_FALSE(contains(html, "<!--"));
    // Exactly the report's own three script elements (head, data, main), each closed once.
    CHECK(count(html, "<script") == 3);
    CHECK(count(html, "</script") == 3);
    CHECK(contains(html, "<th scope=row>skills/&lt;script&gt;alert(1)&lt;/script&gt;/SKILL.md<td>"));
    CHECK(contains(html, "<th scope=row>skills/&quot;quoted&quot; &amp; &#39;co&#39;/SKILL.md<td>"));
    CHECK(contains(html, "<th scope=\"row\">skills/&lt;img src=x onerror=alert(3)&gt;/SKILL.md</th><td>cannot read: "
                         "&lt;b&gt;denied&lt;/b&gt;</td>"));
    // The messages (issues chart) too.
    CHECK(contains(html, "&lt;script&gt;alert(1)&lt;/script&gt; in the name"));
  }

  TEST_CASE("the JSON data block cannot be closed or confused, and holds every string once") {
    const Fixture f;
    const std::string html = f.render();
    const std::string block = data_block(html);
    CHECK(block.find('<') == std::string::npos);
    CHECK(block.find('>') == std::string::npos);
    CHECK(block.find('&') == std::string::npos);
    CHECK(block.find("\xE2\x80\xA8") == std::string::npos);
    CHECK(block.find("\xE2\x80\xA9") == std::string::npos);
    CHECK(contains(block, "\\u003c/script\\u003e"));
    // It parses, and the strings come back as they were.
    const auto j = nlohmann::json::parse(block);
    const auto& str = j.at("str");
    auto has = [&](const std::string& s) {
      std::size_t n = 0;
      for (const auto& x : str) n += x.get<std::string>() == s;
      return n;
    };
    CHECK(has(k_script_message) == 1);
    CHECK(has(k_close_message) == 1);  // a message of one issue and the recommendation of another: stored once
    CHECK(has(k_separators) == 1);
    CHECK(has(k_long_recommendation) == 1);
    CHECK(has("</script>") == 1);
    CHECK(has("Has Overview section") == 1);
    CHECK(count(html, "Core Patterns\\\" section with the patterns") == 1);  // the long text once in the file
    // Skills in table order: [strength list, issue list] each; issues as
    // [rule, severity, message, line, recommendation] in groups of 5.
    const auto& sk = j.at("sk");
    REQUIRE(sk.size() == 6);
    const auto& issues = j.at("il").at(sk[5].get<std::size_t>());  // the third skill
    REQUIRE(issues.size() == 10);
    CHECK(j.at("rules").at(issues[0].get<std::size_t>())[0] == "SS001");
    CHECK(j.at("sev").at(issues[1].get<std::size_t>()) == "error");
    CHECK(str.at(issues[2].get<std::size_t>()) == k_script_message);
    CHECK(issues[3] == 2);
    CHECK(str.at(issues[4].get<std::size_t>()) == k_close_message);
    const auto& strengths = j.at("sl").at(sk[0].get<std::size_t>());
    REQUIRE(strengths.size() == 2);
    CHECK(str.at(strengths[1].get<std::size_t>()) == "Strength with <b>markup</b>");
  }

  TEST_CASE("self-contained: no URL, no external resource, a CSP that allows only the page's own code") {
    const Fixture f;
    const std::string html = f.render(0.5, std::map<std::string, double>{{k_plain_path, 0.9}});
    CHECK_FALSE(contains(html, "http://"));
    CHECK_FALSE(contains(html, "https://"));
    // No src/href attribute in any tag (the escaped error path has "src=" as text only).
    CHECK_FALSE(RE2::PartialMatch(html, R"((?i)<[a-z][^<>]*\s(src|href|action|srcset)\s*=)"));
    CHECK(contains(html, "&lt;img src=x"));
    CHECK_FALSE(contains(html, "<link"));
    CHECK_FALSE(contains(html, "<img"));
    CHECK_FALSE(contains(html, "<iframe"));
    CHECK_FALSE(contains(html, "url("));
    CHECK_FALSE(contains(html, "@import"));
    CHECK_FALSE(contains(html, "style=\""));  // inline style attributes would break the CSP
    // The policy names the hashes of exactly the style and script emitted.
    const std::string script = main_script(html);
    CHECK(script == report::html::k_script);
    CHECK(style_text(html) == report::html::k_style);
    CHECK(contains(html, "<script>" + std::string(report::html::k_head_script) + "</script>\n</head>"));
    CHECK(contains(html, "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; script-src " +
                             report::html::csp_hash(report::html::k_head_script) + " " +
                             report::html::csp_hash(script) + "; style-src " +
                             report::html::csp_hash(style_text(html)) + ";"));
    CHECK(html.rfind("<!DOCTYPE html>\n<html lang=\"en\"", 0) == 0);
    CHECK(contains(html, "<meta charset=\"utf-8\">"));
  }

  TEST_CASE("headline numbers are the Summary's") {
    const Fixture f;
    const auto s = f.summary(0.5);
    const std::string html = f.render(0.5);
    CHECK(by_id(html, "n-skills") == std::to_string(s.scored));
    CHECK(by_id(html, "n-skills") == "3");
    CHECK(by_id(html, "n-errors") == "1");
    CHECK(by_id(html, "n-mean") == report::detail::fixed3(s.mean));
    CHECK(by_id(html, "n-median") == report::detail::fixed3(s.median));
    CHECK(by_id(html, "n-median") == "0.812");
    CHECK(by_id(html, "n-range") == "0.412 / 0.950");
    CHECK(by_id(html, "n-r-excellent") == "1 ");
    CHECK(by_id(html, "n-r-good") == "1 ");
    CHECK(by_id(html, "n-r-needs-improvement") == "0 ");
    CHECK(by_id(html, "n-r-poor") == "1 ");
    // 2 of 3 at or above 0.5.
    CHECK(contains(html, "id=\"n-pass\" data-passing=\"2\" data-below=\"1\" data-threshold=\"0.500\">66.7% <small>2 of 3</small>"));
    CHECK(s.below_min_score.size() == 1);
    // Without a threshold there is no share passing.
    CHECK(by_id(f.render(), "n-pass") == "<absent>");
    CHECK(contains(html, "<title>skillscore report: 3 skills, mean 0.725</title>"));
  }

  TEST_CASE("one table row per skill, in path order, with score, rating and issue count") {
    const Fixture f;
    const std::string html = f.render(0.5);
    const auto paths = row_paths(html);
    REQUIRE(paths.size() == 3);
    CHECK(paths[0] == "skills/&quot;quoted&quot; &amp; &#39;co&#39;/SKILL.md");
    CHECK(paths[1] == "skills/plain/SKILL.md");
    CHECK(paths[2] == "skills/&lt;script&gt;alert(1)&lt;/script&gt;/SKILL.md");
    CHECK(contains(html, "<tr><th scope=row>skills/plain/SKILL.md<td>0.812<td class=g>GOOD<td>2</tr>\n"));
    // Below the threshold: marked.
    CHECK(contains(html, "<tr class=f><th scope=row>skills/&lt;script&gt;"));
    CHECK(contains(html, "<td>0.412<td class=p>POOR<td>2</tr>\n"));
    // The table's headers and caption.
    CHECK(contains(html, "<table id=\"skills\"><caption><span id=\"cap-n\" data-all=\"3 skills\">3 skills</span><span id=\"cap-o\"> in path order</span>."));
    CHECK(count(html, "<th scope=\"col\" data-k=") == 4);
  }

  TEST_CASE("histogram and issues chart with text equivalents") {
    const Fixture f;
    const std::string html = f.render(0.5);
    CHECK(contains(html, "role=\"img\" aria-labelledby=\"hist-t hist-d\"><title id=\"hist-t\">"));
    CHECK(contains(html, "<desc id=\"hist-d\">Skills per score bin of 0.1: 0.0&#8211;0.1: 0;"));
    CHECK(contains(html, "0.4&#8211;0.5: 1;"));
    CHECK(contains(html, "0.8&#8211;0.9: 1; 0.9&#8211;1.0: 1."));
    CHECK(contains(html, "<th scope=\"row\">0.9&#8211;1.0 (1.0 included)</th><td class=\"num\">1</td>"));
    CHECK(contains(html, "aria-labelledby=\"iss-t iss-d\""));
    // SF012 affects 2 skills (counted once per skill), the others 1.
    CHECK(contains(html, "<desc id=\"iss-d\">Skills affected per rule: SF012 section-core-patterns: 2 (66.7%);"));
    CHECK(contains(html, "<th scope=\"row\"><code>SF012</code> section-core-patterns</th><td class=\"num\">2</td>"));
  }

  TEST_CASE("with a baseline: a delta column, regressions first, new skills marked") {
    const Fixture f;
    const std::map<std::string, double> base{{k_quote_path, 0.95}, {k_plain_path, 0.9}, {"skills/gone/SKILL.md", 0.5}};
    const std::string html = f.render(std::nullopt, base);
    const auto paths = row_paths(html);
    REQUIRE(paths.size() == 3);
    CHECK(paths[0] == "skills/plain/SKILL.md");  // the regression
    CHECK(contains(html, "<tr class=x><th scope=row>skills/plain/SKILL.md<td>0.812<td class=g>GOOD<td>2<td class=dn>-0.088</tr>"));
    CHECK(contains(html, "<td>0<td>0.000</tr>"));  // unchanged
    CHECK(contains(html, "<td>2<td>new</tr>"));
    CHECK(by_id(html, "n-regressions") == "1");
    CHECK(by_id(html, "n-added") == "1 / 1");
    CHECK(contains(html, "<li><code>skills/gone/SKILL.md</code></li>"));
    CHECK(count(html, "<th scope=\"col\" data-k=") == 5);
    // The data block follows the table order.
    const auto j = nlohmann::json::parse(data_block(html));
    const auto& first_issues = j.at("il").at(j.at("sk")[1].get<std::size_t>());
    CHECK(first_issues.size() == 10);
    CHECK(j.at("rules").at(first_issues[0].get<std::size_t>())[0] == "SF012");
  }

  TEST_CASE("deterministic: same input, same bytes; no timestamp") {
    const Fixture f;
    const std::string a = f.render(0.5);
    const std::string b = f.render(0.5);
    CHECK(a == b);
    CHECK_FALSE(RE2::PartialMatch(a, R"(\b20\d\d-\d\d-\d\d)"));
    CHECK_FALSE(RE2::PartialMatch(a, R"(\d\d:\d\d:\d\d)"));
  }

  TEST_CASE("identical issue and strength lists are shared; the page stays small") {
    Fixture f;
    f.assessments.clear();
    f.errors.clear();
    for (int i = 0; i < 1000; ++i) {
      char path[64];
      std::snprintf(path, sizeof path, "fleet/skill-%04d/SKILL.md", i);
      f.assessments.push_back(make_assessment(
          path, 0.3 + (i % 7) / 10.0, i % 2 ? score::Rating::Poor : score::Rating::NeedsImprovement,
          {make_issue("SF012", "section-core-patterns", Severity::Warning, "Missing Core Patterns section", 0,
                      k_long_recommendation),
           make_issue("SF040", "core-principle", Severity::Warning, "Missing core principle statement", 0,
                      "State the one idea the skill rests on in a \"**Core principle:**\" line near the top.")},
          {"Has skill name", "Has Overview section", "Has When to Use section"}));
    }
    const std::string html = f.render(0.5);
    CHECK(row_paths(html).size() == 1000);
    const auto j = nlohmann::json::parse(data_block(html));
    CHECK(j.at("il").size() == 1);
    CHECK(j.at("sl").size() == 1);
    CHECK(count(html, "Core Patterns\\\" section with the patterns") == 1);
    // Per skill: a table row of ~100 bytes and a few bytes of data.
    CHECK(html.size() < 30000 + 1000 * 120);
  }

  TEST_CASE("no skills: still a page") {
    Fixture f;
    f.assessments.clear();
    const std::string html = f.render(0.5);
    CHECK(row_paths(html).empty());
    CHECK(by_id(html, "n-skills") == "0");
    CHECK(by_id(html, "n-mean") == "-");
    CHECK(contains(html, "id=\"n-pass\" data-passing=\"0\" data-below=\"0\""));
    CHECK(contains(html, "</html>\n"));
    CHECK_NOTHROW(nlohmann::json::parse(data_block(html)));
  }
}
