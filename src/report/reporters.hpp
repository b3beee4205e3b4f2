#pragma once
// The constructors of the reporters, one per file, listed in one place.
#include <memory>

#include "skillscore/report/reporter.hpp"

namespace skillscore::report {

std::unique_ptr<Reporter> make_text_reporter(const RunContext& c);
std::unique_ptr<Reporter> make_json_reporter(const RunContext& c);
std::unique_ptr<Reporter> make_jsonl_reporter(const RunContext& c);
std::unique_ptr<Reporter> make_csv_reporter(const RunContext& c);
std::unique_ptr<Reporter> make_sarif_reporter(const RunContext& c);
std::unique_ptr<Reporter> make_junit_reporter(const RunContext& c);
std::unique_ptr<Reporter> make_github_reporter(const RunContext& c);
std::unique_ptr<Reporter> make_markdown_reporter(const RunContext& c);
std::unique_ptr<Reporter> make_html_reporter(const RunContext& c);

}  // namespace skillscore::report
