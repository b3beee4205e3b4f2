#include "reporters.hpp"

namespace skillscore::report {
namespace {

struct FormatEntry {
  FormatInfo info;
  std::unique_ptr<Reporter> (*make)(const RunContext&);
};

constexpr FormatEntry k_formats[] = {
    {{Format::Text, "text", "a line per skill with score, rating and issues (colour on a terminal)"}, make_text_reporter},
    {{Format::Json, "json", "one JSON document with every assessment"}, make_json_reporter},
    {{Format::Jsonl, "jsonl", "one assessment per line, sorted by path"}, make_jsonl_reporter},
    {{Format::Csv, "csv", "one row per skill: path, score, rating, issue count"}, make_csv_reporter},
    {{Format::Sarif, "sarif", "SARIF 2.1.0 for code-scanning tools"}, make_sarif_reporter},
    {{Format::Junit, "junit", "JUnit XML: one testcase per skill, failed below --min-score"}, make_junit_reporter},
    {{Format::Github, "github", "GitHub Actions workflow commands that annotate pull requests"}, make_github_reporter},
    {{Format::Markdown, "markdown", "a summary table for $GITHUB_STEP_SUMMARY and PR comments"}, make_markdown_reporter},
    {{Format::Html, "html", "one self-contained HTML page with charts and a sortable table"}, make_html_reporter},
};

const FormatInfo k_infos[] = {
    k_formats[0].info, k_formats[1].info, k_formats[2].info, k_formats[3].info,
    k_formats[4].info, k_formats[5].info, k_formats[6].info, k_formats[7].info, k_formats[8].info,
};

}  // namespace

std::span<const FormatInfo> formats() { return k_infos; }

std::optional<Format> format_from_name(std::string_view name) {
  for (const auto& f : k_formats) {
    if (f.info.name == name) return f.info.format;
  }
  return std::nullopt;
}

std::unique_ptr<Reporter> make_reporter(Format format, const RunContext& context) {
  for (const auto& f : k_formats) {
    if (f.info.format == format) return f.make(context);
  }
  return nullptr;
}

}  // namespace skillscore::report
