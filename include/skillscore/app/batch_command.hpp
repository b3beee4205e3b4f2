#pragma once
// `skillscore score` and `skillscore check`: discover skills, score them in
// parallel, write assessments (score only), render every requested format,
// and decide the exit code. The CLI only fills BatchOptions.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "skillscore/app/choices.hpp"
#include "skillscore/report/reporter.hpp"

namespace skillscore::app {

enum class Command { Score, Check };

enum ExitCode : int { k_exit_ok = 0, k_exit_findings = 1, k_exit_error = 2 };

struct OutputSpec {
  report::Format format = report::Format::Text;
  std::string path;
};

struct BatchOptions {
  Command command = Command::Score;
  std::vector<std::string> paths;
  bool write_files = true;                // score: quality_assessment.json beside each skill
  std::optional<std::string> output_dir;  // score: ... or mirrored under this directory
  report::Format stdout_format = report::Format::Text;
  std::vector<OutputSpec> outputs;        // --output FORMAT:PATH
  std::optional<std::string> profile;
  std::optional<std::string> rules_file;
  std::optional<std::string> weights_file; // --weights: a custom weight table (JSON or YAML)
  std::optional<std::string> config_file; // --config; otherwise the nearest .skillscore.yaml
  bool no_config = false;
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  unsigned jobs = 1;
  std::uintmax_t max_file_size = 10u << 20;
  std::optional<double> min_score;
  std::optional<double> min_mean;
  std::optional<FailOn> fail_on;          // else the configuration's, else error for check
  bool exit_zero = false;
  std::optional<std::string> baseline;
  bool fail_on_regression = false;
  double tolerance = 0.0;
  std::optional<std::string> summary_file;
  std::optional<std::string> sarif_root;  // SARIF URIs relative to this (default: the git top level, else cwd)
  bool color = false;
  bool progress = false;
  bool profile_time = false;  // print where the time went on stderr
  bool allow_suppressions = false;  // honor skillscore-disable comments even where the profile ignores them
};

int run_batch(const BatchOptions& options, std::ostream& out);

// Where quality_assessment.json goes for a skill file: beside it, or mirrored
// under `output_dir` (never outside it, whatever `..` or `/` the path has).
std::filesystem::path assessment_path(const std::string& skill_path, const std::optional<std::string>& output_dir);

}  // namespace skillscore::app
