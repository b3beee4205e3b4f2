// Tests for src/report/junit_reporter.cpp: well-formed, escaped JUnit XML in
// which the skills below --min-score fail and unreadable files are errors.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/report/reporter.hpp"
#include "skillscore/report/summary.hpp"
#include "skillscore/rules/loader.hpp"
#include "temp_dir.hpp"

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

// A minimal well-formedness check: tags balance, attribute values are quoted
// and hold no '<', every '&' starts a known entity or a character reference,
// and no control character other than tab, LF and CR appears.
bool well_formed(const std::string& xml, std::string& why) {
  std::vector<std::string> open;
  std::size_t i = 0;
  auto check_text = [&](std::size_t from, std::size_t to) {
    for (std::size_t k = from; k < to; ++k) {
      const unsigned char c = static_cast<unsigned char>(xml[k]);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        why = "control character at " + std::to_string(k);
        return false;
      }
      if (c == '>' ) {
        why = "raw '>' in text at " + std::to_string(k);
        return false;
      }
      if (c == '&') {
        const auto semi = xml.find(';', k);
        if (semi == std::string::npos) return why = "bad entity", false;
        const std::string ent = xml.substr(k + 1, semi - k - 1);
        if (ent != "amp" && ent != "lt" && ent != "gt" && ent != "quot" && ent != "apos" && (ent.empty() || ent[0] != '#')) {
          why = "unknown entity &" + ent + ";";
          return false;
        }
      }
    }
    return true;
  };
  if (xml.rfind("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", 0) != 0) return why = "no XML declaration", false;
  i = xml.find('\n') + 1;
  bool root_seen = false;
  while (i < xml.size()) {
    const auto lt = xml.find('<', i);
    if (lt == std::string::npos) {
      if (!check_text(i, xml.size())) return false;
      break;
    }
    if (!check_text(i, lt)) return false;
    if (open.empty() && root_seen) return why = "content after the root element", false;
    // Find the end of the tag, skipping quoted attribute values.
    std::size_t k = lt + 1;
    char quote = 0;
    for (; k < xml.size(); ++k) {
      if (quote) {
        if (xml[k] == quote) quote = 0;
        else if (xml[k] == '<') return why = "'<' in an attribute value", false;
      } else if (xml[k] == '"' || xml[k] == '\'') {
        quote = xml[k];
      } else if (xml[k] == '>') {
        break;
      }
    }
    if (k >= xml.size()) return why = "unterminated tag", false;
    const std::string tag = xml.substr(lt + 1, k - lt - 1);
    if (!check_text(lt + 1, k) && why.rfind("raw '>'", 0) != 0) return false;
    why.clear();
    const bool closing = !tag.empty() && tag[0] == '/';
    const bool self_closing = !tag.empty() && tag.back() == '/';
    std::string name = tag.substr(closing ? 1 : 0);
    name = name.substr(0, name.find_first_of(" \t\n/"));
    if (closing) {
      if (open.empty() || open.back() != name) return why = "mismatched </" + name + ">", false;
      open.pop_back();
    } else if (!self_closing) {
      open.push_back(name);
      root_seen = true;
    }
    i = k + 1;
  }
  if (!open.empty()) return why = "unclosed <" + open.back() + ">", false;
  return true;
}

bool have_python() { return std::system("python3 -c 'import xml.dom.minidom' >/dev/null 2>&1") == 0; }

// Parses with Python's XML parser when python3 is there; true otherwise.
bool python_parses(const std::string& xml) {
  if (!have_python()) return true;
  test::TempDir dir;
  const auto file = dir.write("junit.xml", xml);
  const std::string cmd = "python3 -c \"import xml.dom.minidom,sys; xml.dom.minidom.parse(sys.argv[1])\" '" +
                          file.string() + "' >/dev/null 2>&1";
  return std::system(cmd.c_str()) == 0;
}

// Reads the value of attribute `name` in the first element `element`.
std::string attribute(const std::string& xml, const std::string& element, const std::string& name) {
  const auto start = xml.find("<" + element + " ");
  if (start == std::string::npos) return "?";
  const auto end = xml.find('>', start);
  const auto at = xml.find(" " + name + "=\"", start);
  if (at == std::string::npos || at > end) return "?";
  const auto from = at + name.size() + 3;
  return xml.substr(from, xml.find('"', from) - from);
}

}  // namespace

TEST_SUITE("report/junit") {
  TEST_CASE("well-formed, with counts; failures are the skills below --min-score") {
    const Fixture f;
    const std::string xml = f.render(report::Format::Junit, 0.7);
    std::string why;
    CHECK_MESSAGE(well_formed(xml, why), why);
    CHECK(python_parses(xml));
    CHECK(attribute(xml, "testsuites", "name") == "skillscore");
    CHECK(attribute(xml, "testsuites", "tests") == "4");
    CHECK(attribute(xml, "testsuites", "failures") == "1");
    CHECK(attribute(xml, "testsuites", "errors") == "1");
    CHECK(attribute(xml, "testsuite", "name") == "skillscore.skill-fleet-v2");
    CHECK(attribute(xml, "testsuite", "tests") == "4");
    CHECK(attribute(xml, "testsuite", "failures") == "1");
    CHECK(attribute(xml, "testsuite", "errors") == "1");
    CHECK(attribute(xml, "testsuite", "time") == "0");
    CHECK(attribute(xml, "testcase", "time") == "0");
    CHECK(count(xml, "<testcase ") == 4);
    CHECK(count(xml, "<failure ") == f.summary(0.7).below_min_score.size());
    CHECK(count(xml, "<error ") == 1);
    CHECK(xml.find("<failure message=\"score 0.412 below 0.700\" type=\"min-score\">") != std::string::npos);
  }

  TEST_CASE("the failure lists the issues, one per line") {
    const Fixture f;
    const std::string xml = f.render(report::Format::Junit, 0.7);
    const std::string esc_path = "skills/&lt;script&gt;alert(&apos;x:1&apos;)&lt;/script&gt;/SKILL.md";
    const auto failure = xml.find("<failure ");
    REQUIRE(failure != std::string::npos);
    const std::string body = xml.substr(failure, xml.find("</failure>", failure) - failure);
    CHECK(body.find(esc_path + ":2: SS001 error: Frontmatter: bad YAML\nline two | pipe, colon: here\n") !=
          std::string::npos);
    CHECK(body.find(esc_path + ":1: SF001 error: name &lt;missing&gt; &amp; &apos;empty&apos;\n") != std::string::npos);
  }

  TEST_CASE("everything is escaped; characters XML cannot hold are dropped") {
    const Fixture f;
    const std::string xml = f.render(report::Format::Junit, 0.7);
    CHECK(xml.find("<script>") == std::string::npos);
    CHECK(xml.find("name=\"skills/&lt;script&gt;alert(&apos;x:1&apos;)&lt;/script&gt;/SKILL.md\"") != std::string::npos);
    CHECK(xml.find("name=\"skills/&quot;quoted&quot; &amp; co/SKILL.md\"") != std::string::npos);
    CHECK(xml.find('\x01') == std::string::npos);
    // A line break in an attribute is a character reference (kept by parsers).
    CHECK(xml.find("<error message=\"cannot read file: permission denied&#10;second line\" type=\"file-error\">") !=
          std::string::npos);
    auto r = report::make_reporter(report::Format::Junit, {});
    r->add(make_assessment(std::string("bad\xff\x02utf8.md"), 0.5, score::Rating::Poor, {}));
    const std::string bad = r->finish({});
    std::string why;
    CHECK_MESSAGE(well_formed(bad, why), why);
    CHECK(python_parses(bad));
    CHECK(bad.find("name=\"bad\xEF\xBF\xBDutf8.md\"") != std::string::npos);
  }

  TEST_CASE("without a threshold no skill fails, and issues go to system-out") {
    const Fixture f;
    const std::string xml = f.render(report::Format::Junit);
    std::string why;
    CHECK_MESSAGE(well_formed(xml, why), why);
    CHECK(python_parses(xml));
    CHECK(attribute(xml, "testsuites", "failures") == "0");
    CHECK(count(xml, "<failure") == 0);
    CHECK(count(xml, "<system-out>") == 3);
    CHECK(xml.find("<system-out>score 0.812 (GOOD), 2 issues\nskills/a,b/SKILL.md: SF012 warning: Missing &quot;Core "
                   "Patterns&quot; section\nskills/a,b/SKILL.md:3: SF030 info:") != std::string::npos);
  }

  TEST_CASE("a score just below the threshold shows enough digits") {
    auto r = report::make_reporter(report::Format::Junit, {nullptr, 0.7, false});
    r->add(make_assessment("a.md", 0.6999, score::Rating::NeedsImprovement, {}));
    r->add(make_assessment("b.md", 0.7, score::Rating::Good, {}));
    const std::string xml = r->finish({});
    CHECK(xml.find("message=\"score 0.6999 below 0.7\"") != std::string::npos);
    CHECK(attribute(xml, "testsuites", "failures") == "1");
    CHECK(attribute(xml, "testsuite", "name") == "skillscore.skill-fleet-v2");
  }

  TEST_CASE("deterministic, nothing streamed, empty run well-formed") {
    const Fixture f;
    CHECK(f.render(report::Format::Junit, 0.7) == f.render(report::Format::Junit, 0.7));
    auto r = report::make_reporter(report::Format::Junit, f.context());
    r->add(f.assessments[0]);
    CHECK(r->take_streamed().empty());
    auto empty = report::make_reporter(report::Format::Junit, {});
    const std::string xml = empty->finish({});
    std::string why;
    CHECK_MESSAGE(well_formed(xml, why), why);
    CHECK(python_parses(xml));
    CHECK(attribute(xml, "testsuites", "tests") == "0");
  }
}
