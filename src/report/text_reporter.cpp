#include "reporters.hpp"
#include "skillscore/report/text_report.hpp"

namespace skillscore::report {
namespace {

class TextReporter final : public Reporter {
 public:
  explicit TextReporter(const RunContext& c) : style_{c.color} {}
  void add(const Assessment& a) override { put(text_assessment(a, style_)); }
  std::optional<std::string> render(const Assessment& a) const override { return text_assessment(a, style_); }
  void add_rendered(const Assessment&, std::string&& text) override { put(text); }
  void add_error(const FileError& e) override { put(text_file_error(e, style_)); }
  std::string take_streamed() override { return std::move(out_); }
  void stream_to(std::ostream& out) override {
    if (out_.size() < k_stream_block) return;
    out.write(out_.data(), static_cast<std::streamsize>(out_.size()));
    out_.clear();
  }
  std::string finish(const Summary& s) override {
    if (s.scored + s.errors > 1) {
      section();
      put(text_statistics(s, style_));
    }
    section();
    put(text_verdict(s, style_));
    return std::move(out_);
  }

 private:
  void put(const std::string& text) {
    if (text.empty()) return;
    blank_ = text.size() >= 2 ? text.compare(text.size() - 2, 2, "\n\n") == 0 : text == "\n" && wrote_;
    wrote_ = true;
    out_ += text;
  }
  // Sections are separated by one blank line (an issue list ends with one).
  void section() {
    if (wrote_ && !blank_) put("\n");
  }

  TextStyle style_;
  std::string out_;
  bool wrote_ = false;  // anything written yet
  bool blank_ = false;  // the output so far ends with a blank line
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(const RunContext& c) { return std::make_unique<TextReporter>(c); }

}  // namespace skillscore::report
