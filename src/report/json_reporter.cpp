#include "reporters.hpp"
#include "skillscore/report/json_report.hpp"

namespace skillscore::report {
namespace {

// --format json: one document, so results are kept until the end.
class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(const RunContext& c) : profile_(c.profile ? c.profile->name : "") {}
  // Each assessment is kept rendered, as it stands in the document.
  void add(const Assessment& a) override { append_assessment_json(assessments_.emplace_back(), a, 2, k_batch_assessment_depth); }
  std::optional<std::string> render(const Assessment& a) const override {
    std::string out;
    append_assessment_json(out, a, 2, k_batch_assessment_depth);
    return out;
  }
  void add_rendered(const Assessment&, std::string&& rendered) override { assessments_.push_back(std::move(rendered)); }
  void add_error(const FileError& e) override { errors_.push_back(e); }
  std::string finish(const Summary&) override {
    std::vector<const FileError*> es;
    for (const auto& e : errors_) es.push_back(&e);
    return batch_json_rendered(assessments_, es, profile_);
  }

 private:
  std::string profile_;
  std::vector<std::string> assessments_;
  std::vector<FileError> errors_;
};

// --format jsonl: streamed, one line per file.
class JsonlReporter final : public Reporter {
 public:
  // Straight into the stream's buffer, which stream_to() keeps.
  void add(const Assessment& a) override {
    append_assessment_json(out_, a, 0);
    out_ += '\n';
  }
  std::optional<std::string> render(const Assessment& a) const override {
    std::string line;
    append_assessment_json(line, a, 0);
    line += '\n';
    return line;
  }
  void add_rendered(const Assessment&, std::string&& line) override { out_ += line; }
  void add_error(const FileError& e) override {
    append_file_error_json(out_, e);
    out_ += '\n';
  }
  std::string take_streamed() override { return std::move(out_); }
  void stream_to(std::ostream& out) override {
    if (out_.size() < k_stream_block) return;
    out.write(out_.data(), static_cast<std::streamsize>(out_.size()));
    out_.clear();
  }
  std::string finish(const Summary&) override { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(const RunContext& c) { return std::make_unique<JsonReporter>(c); }
std::unique_ptr<Reporter> make_jsonl_reporter(const RunContext&) { return std::make_unique<JsonlReporter>(); }

}  // namespace skillscore::report
