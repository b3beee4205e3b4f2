#include "reporters.hpp"
#include "skillscore/report/json_report.hpp"

namespace skillscore::report {
namespace {

// --format json: one document, so results are kept until the end.
class JsonReporter final : public Reporter {
 public:
  explicit JsonReporter(const RunContext& c) : profile_(c.profile ? c.profile->name : "") {}
  void add(const Assessment& a) override { assessments_.push_back(a); }
  void add_error(const FileError& e) override { errors_.push_back(e); }
  std::string finish(const Summary&) override {
    std::vector<const Assessment*> as;
    for (const auto& a : assessments_) as.push_back(&a);
    std::vector<const FileError*> es;
    for (const auto& e : errors_) es.push_back(&e);
    return batch_json(as, es, profile_);
  }

 private:
  std::string profile_;
  std::vector<Assessment> assessments_;
  std::vector<FileError> errors_;
};

// --format jsonl: streamed, one line per file.
class JsonlReporter final : public Reporter {
 public:
  void add(const Assessment& a) override { out_ += assessment_json(a, 0) + "\n"; }
  void add_error(const FileError& e) override { out_ += file_error_json(e) + "\n"; }
  std::string take_streamed() override { return std::move(out_); }
  std::string finish(const Summary&) override { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace

std::unique_ptr<Reporter> make_json_reporter(const RunContext& c) { return std::make_unique<JsonReporter>(c); }
std::unique_ptr<Reporter> make_jsonl_reporter(const RunContext&) { return std::make_unique<JsonlReporter>(); }

}  // namespace skillscore::report
