// The skillscore command line: parses options and hands them to the library.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <iostream>
#include <map>
#include <thread>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "skillscore/app/score_command.hpp"
#include "skillscore/doc/markdown.hpp"

namespace {

void setup_logging(bool quiet, bool verbose) {
  auto logger = spdlog::stderr_color_mt("skillscore");
  logger->set_pattern("skillscore: %^%l%$: %v");
  logger->set_level(quiet ? spdlog::level::err : verbose ? spdlog::level::debug : spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

}  // namespace

int main(int argc, char** argv) {
  // cmark-gfm's extension registry is global: fill it before any thread exists.
  skillscore::doc::register_markdown_extensions();

  CLI::App app{"skillscore: scores agent skill documents (SKILL.md)"};
  app.set_version_flag("--version", std::string("skillscore ") + SKILLSCORE_VERSION);
  app.require_subcommand(1);
  bool quiet = false, verbose = false;
  app.add_flag("-q,--quiet", quiet, "Only errors on stderr");
  app.add_flag("-v,--verbose", verbose, "Debug logging on stderr");

  skillscore::app::ScoreOptions so;
  so.jobs = std::max(1u, std::thread::hardware_concurrency());
  std::string format = "text";
  std::string rules_file, output_dir;
  auto* score = app.add_subcommand("score", "Score SKILL.md files and write quality_assessment.json beside each");
  score->add_option("paths", so.paths, "Files or directories (every SKILL.md or skill.md below)")->required();
  score->add_flag("--no-write", [&](std::int64_t) { so.write_files = false; }, "Do not write quality_assessment.json");
  score->add_option("--output-dir", output_dir, "Write the assessments under DIR, mirroring the tree");
  score->add_option("--format", format, "Output on stdout")->check(CLI::IsMember({"text", "json", "jsonl"}));
  score->add_option("--profile", so.profile, "Built-in profile")->capture_default_str();
  score->add_option("--rules", rules_file, "Load the profile from this rule file instead");
  score->add_option("-j,--jobs", so.jobs, "Parallel jobs (default: the number of cores)")->check(CLI::Range(1u, 1024u));
  score->add_option("--max-file-size", so.max_file_size, "Largest file scored, in bytes")->capture_default_str();
  score->add_flag("-q,--quiet", quiet, "Only errors on stderr");
  score->add_flag("-v,--verbose", verbose, "Debug logging on stderr");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : skillscore::app::k_exit_error;
  }
  setup_logging(quiet, verbose);
  try {
    if (score->parsed()) {
      static const std::map<std::string, skillscore::app::OutputFormat> formats = {
          {"text", skillscore::app::OutputFormat::Text},
          {"json", skillscore::app::OutputFormat::Json},
          {"jsonl", skillscore::app::OutputFormat::Jsonl}};
      so.format = formats.at(format);
      if (!rules_file.empty()) so.rules_file = rules_file;
      if (!output_dir.empty()) so.output_dir = output_dir;
      so.color = ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
      return skillscore::app::run_score(so, std::cout);
    }
  } catch (const std::exception& e) {
    spdlog::error("internal error: {}", e.what());
    return skillscore::app::k_exit_error;
  }
  return skillscore::app::k_exit_error;
}
