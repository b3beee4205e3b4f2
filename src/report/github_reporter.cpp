// --format github: GitHub Actions workflow commands, one line per issue, that
// annotate the files of a pull request:
//   ::warning file=skills/a/SKILL.md,line=12,title=SF012 section-core-patterns::message%0Arecommendation
// Streamed: each skill's lines can be written as soon as it is scored.
#include <optional>
#include <string>
#include <string_view>

#include "report_util.hpp"
#include "reporters.hpp"

namespace skillscore::report {
namespace {

std::string_view command(rules::Severity s) {
  switch (s) {
    case rules::Severity::Error: return "error";
    case rules::Severity::Warning: return "warning";
    case rules::Severity::Info: return "notice";
  }
  return "warning";
}

// As @actions/core escapes the message of a command.
std::string escape_data(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      default: out += c;
    }
  }
  return out;
}

// As @actions/core escapes a property value.
std::string escape_property(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (char c : s) {
    switch (c) {
      case '%': out += "%25"; break;
      case '\r': out += "%0D"; break;
      case '\n': out += "%0A"; break;
      case ':': out += "%3A"; break;
      case ',': out += "%2C"; break;
      default: out += c;
    }
  }
  return out;
}

class GithubReporter final : public Reporter {
 public:
  explicit GithubReporter(const RunContext& c) : min_score_(c.min_score) {}

  void add(const Assessment& a) override {
    if (min_score_ && a.score.score < *min_score_) ++below_;
    const std::string file = escape_property(detail::forward_slashes(a.path));
    for (const auto& i : a.issues) {
      out_ += "::";
      out_ += command(i.severity);
      out_ += " file=" + file;
      if (i.line) out_ += ",line=" + std::to_string(i.line);
      out_ += ",title=" + escape_property(i.slug.empty() ? i.rule : i.rule + " " + i.slug);
      out_ += "::" + escape_data(i.recommendation.empty() ? i.message : i.message + "\n" + i.recommendation) + "\n";
    }
  }

  void add_error(const FileError& e) override {
    out_ += "::error file=" + escape_property(detail::forward_slashes(e.path)) + "::" + escape_data(e.message) + "\n";
  }

  std::string take_streamed() override { return std::move(out_); }

  std::string finish(const Summary& s) override {
    std::string out = std::move(out_);
    // The summary's threshold when it has one, else the context's.
    const auto min_score = s.min_score ? s.min_score : min_score_;
    const std::size_t below = s.min_score ? s.below_min_score.size() : below_;
    if (min_score && below) {
      out += "::error::" + detail::count_noun(below, "skill", "skills") + " below --min-score " +
             detail::fixed3(*min_score) + "\n";
    }
    if (s.mean_below_min && s.min_mean) {
      out += "::error::mean score " + detail::fixed3(s.mean) + " below --min-mean " + detail::fixed3(*s.min_mean) + "\n";
    }
    return out;
  }

 private:
  std::optional<double> min_score_;
  std::size_t below_ = 0;
  std::string out_;
};

}  // namespace

std::unique_ptr<Reporter> make_github_reporter(const RunContext& c) { return std::make_unique<GithubReporter>(c); }

}  // namespace skillscore::report
