// --format junit: JUnit XML for CI test reports. One testcase per file: a
// skill fails when it fails a gate of its own (below --min-score, an issue at
// or above --fail-on, a regression with --fail-on-regression); a file that
// could not be scored is an error. A second suite has one testcase per gate
// (skipped when not set), so that failures > 0 exactly when the run's verdict
// is a failure. No timestamps or host names: the output depends on the
// results only.
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "report_util.hpp"
#include "reporters.hpp"
#include "skillscore/score/rating.hpp"
#include "skillscore/util/float_repr.hpp"
#include "skillscore/util/utf8.hpp"

namespace skillscore::report {
namespace {

bool xml_char_allowed(char32_t cp) {
  return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) || (cp >= 0xE000 && cp <= 0xFFFD) ||
         (cp >= 0x10000 && cp <= 0x10FFFF);
}

// Escapes the five XML specials, replaces invalid UTF-8 and drops what XML 1.0
// cannot hold. In attributes, tab, LF and CR are written as character
// references so that attribute-value normalization keeps them.
std::string xml_escape(std::string_view raw, bool attribute) {
  const std::string valid = util::find_invalid_utf8(raw) ? util::sanitize_utf8(raw) : std::string(raw);
  std::string out;
  out.reserve(valid.size());
  for (std::size_t pos = 0; pos < valid.size();) {
    const std::size_t start = pos;
    const char32_t cp = util::decode_utf8(valid, pos);
    if (!xml_char_allowed(cp)) continue;
    switch (cp) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&apos;"; break;
      case '\r': out += "&#13;"; break;
      case '\n': out += attribute ? "&#10;" : "\n"; break;
      case '\t': out += attribute ? "&#9;" : "\t"; break;
      default: out.append(valid, start, pos - start);
    }
  }
  return out;
}

std::string attr(std::string_view s) { return xml_escape(s, true); }
std::string text(std::string_view s) { return xml_escape(s, false); }

struct Case {
  std::string path;
  bool is_error = false;
  std::string error;              // is_error
  std::string failure_message;    // non-empty: the skill failed
  std::string failure_type;       // the first gate it fails
  std::string issues;             // one line per issue
  std::string out;                // <system-out>
};

class JunitReporter final : public Reporter {
 public:
  explicit JunitReporter(const RunContext& c)
      : profile_(c.profile ? c.profile->name : ""), gates_(c.gates), baseline_(c.baseline) {}

  void add(const Assessment& a) override {
    if (profile_.empty()) profile_ = a.profile;
    Case c;
    c.path = a.path;
    for (const auto& i : a.issues) c.issues += detail::issue_line(a.path, i) + "\n";
    c.out = "score " + detail::fixed3(a.score.score) + " (" + std::string(score::rating_label(a.score.rating)) + "), " +
            detail::count_noun(a.issues.size(), "issue", "issues") + "\n" + c.issues;
    auto fail = [&](std::string_view type, const std::string& why) {
      if (c.failure_type.empty()) c.failure_type = type;
      c.failure_message += (c.failure_message.empty() ? "" : "; ") + why;
    };
    if (gates_.min_score && a.score.score < *gates_.min_score) {
      std::string score = detail::fixed3(a.score.score), min = detail::fixed3(*gates_.min_score);
      if (score == min) {  // 0.6996 < 0.7: show enough digits to see it
        score = util::py_float_repr(a.score.score);
        min = util::py_float_repr(*gates_.min_score);
      }
      fail("min-score", "score " + score + " below " + min);
    }
    if (fails_fail_on(a, gates_)) {
      fail("fail-on", "issues of severity " + std::string(detail::severity_name(*gates_.fail_on)) + " or above");
    }
    if (gates_.fail_on_regression && baseline_) {
      auto it = baseline_->find(a.path);
      if (it != baseline_->end() && a.score.score < it->second - gates_.tolerance) {
        fail("regression", "score dropped from " + detail::fixed3(it->second) + " to " + detail::fixed3(a.score.score));
      }
    }
    failures_ += !c.failure_message.empty();
    cases_.push_back(std::move(c));
  }

  void add_error(const FileError& e) override {
    Case c;
    c.path = e.path;
    c.is_error = true;
    c.error = e.message;
    ++errors_;
    cases_.push_back(std::move(c));
  }

  std::string finish(const Summary& s) override {
    std::size_t gate_failures = 0, gate_skipped = 0;
    for (const auto& g : s.gates) {
      gate_failures += g.failed;
      gate_skipped += !g.enabled;
    }
    const std::size_t run_case = s.problems ? 1 : 0;  // errors besides unscored files
    auto counts = [](std::size_t tests, std::size_t failures, std::size_t errors) {
      return " tests=\"" + std::to_string(tests) + "\" failures=\"" + std::to_string(failures) + "\" errors=\"" +
             std::to_string(errors) + "\"";
    };
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<testsuites name=\"skillscore\"" +
           counts(cases_.size() + s.gates.size() + run_case, failures_ + gate_failures, errors_ + run_case) +
           " time=\"0\">\n";
    const std::string suite = profile_.empty() ? "skillscore" : "skillscore." + profile_;
    out += "  <testsuite name=\"" + attr(suite) + "\"" + counts(cases_.size(), failures_, errors_) +
           " skipped=\"0\" time=\"0\">\n";
    out += "    <properties>\n";
    if (!profile_.empty()) out += "      <property name=\"profile\" value=\"" + attr(profile_) + "\"/>\n";
    for (const auto& g : s.gates) {
      out += "      <property name=\"" + std::string(gate_info(g.gate).name) + "\" value=\"" + attr(g.setting) + "\"/>\n";
    }
    out += "      <property name=\"verdict\" value=\"" + std::string(verdict_info(s.verdict).name) + "\"/>\n";
    out += "      <property name=\"exit-code\" value=\"" + std::to_string(s.exit_code) + "\"/>\n";
    out += "    </properties>\n";
    for (const auto& c : cases_) {
      out += "    <testcase classname=\"skillscore\" name=\"" + attr(c.path) + "\" time=\"0\">\n";
      if (c.is_error) {
        out += "      <error message=\"" + attr(c.error) + "\" type=\"file-error\">" + text(c.path + ": " + c.error) +
               "</error>\n";
      } else {
        if (!c.failure_message.empty()) {
          out += "      <failure message=\"" + attr(c.failure_message) + "\" type=\"" + c.failure_type + "\">" +
                 text(c.issues) + "</failure>\n";
        }
        out += "      <system-out>" + text(c.out) + "</system-out>\n";
      }
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n";
    out += "  <testsuite name=\"skillscore.gates\"" + counts(s.gates.size() + run_case, gate_failures, run_case) + " skipped=\"" +
           std::to_string(gate_skipped) + "\" time=\"0\">\n";
    for (const auto& g : s.gates) {
      out += "    <testcase classname=\"skillscore.gates\" name=\"" + std::string(gate_info(g.gate).name) + "\" time=\"0\">\n";
      if (!g.enabled) {
        out += "      <skipped message=\"" + attr(g.setting) + "\"/>\n";
      } else if (g.failed) {
        out += "      <failure message=\"" + attr(gate_sentence(g)) + "\" type=\"" + std::string(gate_info(g.gate).name) +
               "\"/>\n";
      }
      out += "      <system-out>" + text(gate_sentence(g)) + "</system-out>\n    </testcase>\n";
    }
    if (s.problems) {
      out += "    <testcase classname=\"skillscore.gates\" name=\"run\" time=\"0\">\n      <error message=\"" +
             attr(detail::count_noun(s.problems, "error", "errors") + " besides the files above (see the log)") +
             "\" type=\"run-error\"/>\n    </testcase>\n";
    }
    out += "  </testsuite>\n</testsuites>\n";
    return out;
  }

 private:
  std::string profile_;
  GateSettings gates_;
  std::optional<std::map<std::string, double>> baseline_;
  std::vector<Case> cases_;
  std::size_t failures_ = 0;
  std::size_t errors_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_junit_reporter(const RunContext& c) { return std::make_unique<JunitReporter>(c); }

}  // namespace skillscore::report
