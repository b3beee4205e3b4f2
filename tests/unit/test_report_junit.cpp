// Tests for src/report/junit_reporter.cpp: well-formed, escaped JUnit XML in
// which the skills below --min-score fail and unreadable files are errors.
#include <doctest/doctest.h>

#include <cstddef>
#include <cstdlib>
#include <optional>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "skillscore/report/reporter.hpp"
#include "skillscore/report/summary.hpp"
#include "skillscore/rules/loader.hpp"
#include "temp_dir.hpp"

#include "report_fixture.hpp"

using namespace skillscore::test::report_fixture;

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
  TEST_CASE("well-formed, with counts; failures are the skills below --min-score and the gates that failed") {
    const Fixture f;
    const std::string xml = f.render(report::Format::Junit, 0.7);
    std::string why;
    CHECK_MESSAGE(well_formed(xml, why), why);
    CHECK(python_parses(xml));
    CHECK(attribute(xml, "testsuites", "name") == "skillscore");
    CHECK(attribute(xml, "testsuites", "tests") == "8");     // 3 skills, 1 file error, 4 gates
    CHECK(attribute(xml, "testsuites", "failures") == "2");  // 1 skill, the min-score gate
    CHECK(attribute(xml, "testsuites", "errors") == "1");
    CHECK(attribute(xml, "testsuite", "name") == "skillscore.skill-fleet-v2");
    CHECK(attribute(xml, "testsuite", "tests") == "4");
    CHECK(attribute(xml, "testsuite", "failures") == "1");
    CHECK(attribute(xml, "testsuite", "errors") == "1");
    CHECK(attribute(xml, "testsuite", "time") == "0");
    CHECK(attribute(xml, "testcase", "time") == "0");
    CHECK(count(xml, "<testcase ") == 8);
    CHECK(count(xml, "<failure ") == f.summary(0.7).below_min_score.size() + 1);
    CHECK(xml.find("<testcase classname=\"skillscore.gates\" name=\"min-score\" time=\"0\">\n      <failure "
                   "message=\"min-score 0.700: failed (1 skill below)\" type=\"min-score\"/>") != std::string::npos);
    CHECK(xml.find("<property name=\"verdict\" value=\"error\"/>") != std::string::npos);  // a file was not scored
    CHECK(xml.find("<property name=\"exit-code\" value=\"2\"/>") != std::string::npos);
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
    CHECK(count(xml, "<system-out>") == 3 + 4);  // the skills, the gates
    CHECK(count(xml, "<skipped message=\"not set") == 3);  // min-score, min-mean, regression
    CHECK(xml.find("<skipped message=\"none\"/>") != std::string::npos);  // fail-on
    CHECK(xml.find("<system-out>score 0.812 (GOOD), 2 issues\nskills/a,b/SKILL.md: SF012 warning: Missing &quot;Core "
                   "Patterns&quot; section\nskills/a,b/SKILL.md:3: SF030 info:") != std::string::npos);
  }

  TEST_CASE("a score just below the threshold shows enough digits") {
    report::RunContext c;
    c.gates.min_score = 0.7;
    auto r = report::make_reporter(report::Format::Junit, c);
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

  TEST_CASE("a skill fails for each gate of its own: fail-on and regression too") {
    report::RunContext c;
    c.gates.fail_on = Severity::Error;
    c.gates.fail_on_regression = true;
    c.baseline = std::map<std::string, double>{{"b.md", 0.9}};
    auto r = report::make_reporter(report::Format::Junit, c);
    r->add(make_assessment("a.md", 0.9, score::Rating::Excellent, {make_issue("SF001", "x", Severity::Error, "m", 1)}));
    r->add(make_assessment("b.md", 0.5, score::Rating::NeedsImprovement, {}));
    const std::string xml = r->finish({});
    CHECK(xml.find("<failure message=\"issues of severity error or above\" type=\"fail-on\">") != std::string::npos);
    CHECK(xml.find("<failure message=\"score dropped from 0.900 to 0.500\" type=\"regression\">") != std::string::npos);
  }
}
