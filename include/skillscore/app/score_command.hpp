#pragma once
// `skillscore score`: discover, score in parallel, write quality_assessment.json
// files, and report on stdout. The CLI only fills ScoreOptions.
#include <cstdint>
#include <filesystem>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

namespace skillscore::app {

enum class OutputFormat { Text, Json, Jsonl };

struct ScoreOptions {
  std::vector<std::string> paths;
  bool write_files = true;
  std::optional<std::string> output_dir;
  OutputFormat format = OutputFormat::Text;
  std::string profile = "skill-fleet-v2";
  std::optional<std::string> rules_file;
  unsigned jobs = 1;
  std::uintmax_t max_file_size = 10u << 20;
  bool color = false;
};

enum ExitCode : int { k_exit_ok = 0, k_exit_findings = 1, k_exit_error = 2 };

int run_score(const ScoreOptions& options, std::ostream& out);

// Where quality_assessment.json goes for a skill file: beside it, or mirrored
// under `output_dir` (never outside it, whatever `..` or `/` the path has).
std::filesystem::path assessment_path(const std::string& skill_path, const std::optional<std::string>& output_dir);

}  // namespace skillscore::app
