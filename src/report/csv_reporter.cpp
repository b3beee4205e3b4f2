// --format csv: one row per file, RFC 4180 quoting.
//   path,score,rating,issues,error
//   skills/a/SKILL.md,0.8125,GOOD,2,
//   skills/b/SKILL.md,,,,cannot read file
#include <string>
#include <string_view>

#include "reporters.hpp"
#include "skillscore/score/rating.hpp"
#include "skillscore/util/float_repr.hpp"

namespace skillscore::report {
namespace {

// Quoted when it holds a comma, a quote, CR or LF; quotes inside are doubled.
std::string csv_field(std::string_view s) {
  if (s.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(s);
  std::string out = "\"";
  for (char c : s) {
    if (c == '"') out += '"';
    out += c;
  }
  out += '"';
  return out;
}

class CsvReporter final : public Reporter {
 public:
  CsvReporter() : out_("path,score,rating,issues,error\n") {}
  void add(const Assessment& a) override {
    out_ += csv_field(a.path) + "," + util::py_float_repr(a.score.score) + "," +
            csv_field(score::rating_label(a.score.rating)) + "," + std::to_string(a.issues.size()) + ",\n";
  }
  void add_error(const FileError& e) override { out_ += csv_field(e.path) + ",,,," + csv_field(e.message) + "\n"; }
  std::string finish(const Summary&) override { return std::move(out_); }

 private:
  std::string out_;
};

}  // namespace

std::unique_ptr<Reporter> make_csv_reporter(const RunContext&) { return std::make_unique<CsvReporter>(); }

}  // namespace skillscore::report
