#include "reporters.hpp"
#include "skillscore/report/text_report.hpp"

namespace skillscore::report {
namespace {

class TextReporter final : public Reporter {
 public:
  explicit TextReporter(const RunContext& c) : style_{c.color} {}
  void add(const Assessment& a) override { out_ += text_assessment(a, style_); }
  void add_error(const FileError& e) override { out_ += text_file_error(e, style_); }
  std::string take_streamed() override { return std::move(out_); }
  std::string finish(const Summary& s) override {
    std::string out = std::move(out_);
    if (s.scored + s.errors > 1) out += text_summary(s, style_);
    return out;
  }

 private:
  TextStyle style_;
  std::string out_;
};

}  // namespace

std::unique_ptr<Reporter> make_text_reporter(const RunContext& c) { return std::make_unique<TextReporter>(c); }

}  // namespace skillscore::report
