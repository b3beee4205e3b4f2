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

// One annotation per issue of `a`, appended to `out`.
void annotate(std::string& out, const Assessment& a) {
  const std::string file = escape_property(detail::forward_slashes(a.path));
  for (const auto& i : a.issues) {
    out += "::";
    out += command(i.severity);
    out += " file=" + file;
    if (i.line) out += ",line=" + std::to_string(i.line);
    out += ",title=" + escape_property(i.slug.empty() ? i.rule : i.rule + " " + i.slug);
    out += "::" + escape_data(i.recommendation.empty() ? i.message : i.message + "\n" + i.recommendation) + "\n";
  }
}

class GithubReporter final : public Reporter {
 public:
  GithubReporter() = default;

  void add(const Assessment& a) override { annotate(out_, a); }
  std::optional<std::string> render(const Assessment& a) const override {
    std::string out;
    annotate(out, a);
    return out;
  }
  void add_rendered(const Assessment&, std::string&& lines) override { out_ += lines; }

  void add_error(const FileError& e) override {
    out_ += "::error file=" + escape_property(detail::forward_slashes(e.path)) + "::" + escape_data(e.message) + "\n";
  }

  std::string take_streamed() override { return std::move(out_); }
  void stream_to(std::ostream& out) override {
    if (out_.size() < k_stream_block) return;
    out.write(out_.data(), static_cast<std::streamsize>(out_.size()));
    out_.clear();
  }

  // Each failed gate is an error annotation; one notice states every gate
  // and the verdict the exit code gives.
  std::string finish(const Summary& s) override {
    std::string out = std::move(out_);
    if (s.gates.empty()) return out;  // not a run's summary: nothing was decided
    std::string gates;
    for (const auto& g : s.gates) {
      if (g.failed) out += "::error title=skillscore gate " + escape_property(gate_info(g.gate).name) + "::" + escape_data(gate_sentence(g)) + "\n";
      gates += "\n" + gate_sentence(g);
    }
    const VerdictInfo& v = verdict_info(s.verdict);
    out += std::string(s.verdict == Verdict::Pass ? "::notice" : "::error") + " title=skillscore verdict::" +
           escape_data(std::string(v.text) + " (exit " + std::to_string(s.exit_code) + ")" + gates) + "\n";
    return out;
  }

 private:
  std::string out_;
};

}  // namespace

std::unique_ptr<Reporter> make_github_reporter(const RunContext&) { return std::make_unique<GithubReporter>(); }

}  // namespace skillscore::report
