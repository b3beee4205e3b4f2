// --format junit: JUnit XML for CI test reports. One testcase per file; a
// skill fails when --min-score is set and its score is below it; a file that
// could not be scored is an error. No timestamps or host names: the output
// depends on the results only.
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
  std::string issues;             // one line per issue
  std::string out;                // <system-out>
};

class JunitReporter final : public Reporter {
 public:
  explicit JunitReporter(const RunContext& c) : profile_(c.profile ? c.profile->name : ""), min_score_(c.min_score) {}

  void add(const Assessment& a) override {
    if (profile_.empty()) profile_ = a.profile;
    Case c;
    c.path = a.path;
    for (const auto& i : a.issues) c.issues += detail::issue_line(a.path, i) + "\n";
    c.out = "score " + detail::fixed3(a.score.score) + " (" + std::string(score::rating_label(a.score.rating)) + "), " +
            detail::count_noun(a.issues.size(), "issue", "issues") + "\n" + c.issues;
    if (min_score_ && a.score.score < *min_score_) {
      std::string score = detail::fixed3(a.score.score), min = detail::fixed3(*min_score_);
      if (score == min) {  // 0.6996 < 0.7: show enough digits to see it
        score = util::py_float_repr(a.score.score);
        min = util::py_float_repr(*min_score_);
      }
      c.failure_message = "score " + score + " below " + min;
      ++failures_;
    }
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

  std::string finish(const Summary&) override {
    const std::string counts = " tests=\"" + std::to_string(cases_.size()) + "\" failures=\"" +
                               std::to_string(failures_) + "\" errors=\"" + std::to_string(errors_) + "\"";
    std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out += "<testsuites name=\"skillscore\"" + counts + " time=\"0\">\n";
    const std::string suite = profile_.empty() ? "skillscore" : "skillscore." + profile_;
    out += "  <testsuite name=\"" + attr(suite) + "\"" + counts + " skipped=\"0\" time=\"0\">\n";
    if (!profile_.empty()) {
      out += "    <properties>\n      <property name=\"profile\" value=\"" + attr(profile_) + "\"/>\n";
      if (min_score_) out += "      <property name=\"min-score\" value=\"" + detail::fixed3(*min_score_) + "\"/>\n";
      out += "    </properties>\n";
    }
    for (const auto& c : cases_) {
      out += "    <testcase classname=\"skillscore\" name=\"" + attr(c.path) + "\" time=\"0\">\n";
      if (c.is_error) {
        out += "      <error message=\"" + attr(c.error) + "\" type=\"file-error\">" + text(c.path + ": " + c.error) +
               "</error>\n";
      } else {
        if (!c.failure_message.empty()) {
          out += "      <failure message=\"" + attr(c.failure_message) + "\" type=\"min-score\">" + text(c.issues) +
                 "</failure>\n";
        }
        out += "      <system-out>" + text(c.out) + "</system-out>\n";
      }
      out += "    </testcase>\n";
    }
    out += "  </testsuite>\n</testsuites>\n";
    return out;
  }

 private:
  std::string profile_;
  std::optional<double> min_score_;
  std::vector<Case> cases_;
  std::size_t failures_ = 0;
  std::size_t errors_ = 0;
};

}  // namespace

std::unique_ptr<Reporter> make_junit_reporter(const RunContext& c) { return std::make_unique<JunitReporter>(c); }

}  // namespace skillscore::report
