// The skillscore command line: parses options and hands them to the library.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <thread>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "skillscore/app/batch_command.hpp"
#include "skillscore/app/fix_command.hpp"
#include "skillscore/app/interrupt.hpp"
#include "skillscore/app/rules_command.hpp"
#include "skillscore/doc/markdown.hpp"
#include "skillscore/lsp/server.hpp"

namespace {

using skillscore::app::BatchOptions;
using skillscore::app::Command;

void setup_logging(bool quiet, bool verbose) {
  auto logger = spdlog::stderr_color_mt("skillscore");
  logger->set_pattern("skillscore: %^%l%$: %v");
  logger->set_level(quiet ? spdlog::level::err : verbose ? spdlog::level::debug : spdlog::level::warn);
  spdlog::set_default_logger(logger);
}

bool in_ci() {
  const char* ci = std::getenv("CI");
  return ci && *ci && std::strcmp(ci, "false") != 0 && std::strcmp(ci, "0") != 0;
}

std::string format_names() {
  std::string names;
  for (const auto& f : skillscore::report::formats()) names += (names.empty() ? "" : ", ") + std::string(f.name);
  return names;
}

struct Raw {
  std::string format = "text";
  std::vector<std::string> outputs;
  std::string profile, rules, config, output_dir, baseline, summary, fail_on;
  double min_score = -1, min_mean = -1;
  bool no_write = false, quiet = false, verbose = false;
};

// The options `score` and `check` share.
void add_common(CLI::App* cmd, BatchOptions& o, Raw& raw) {
  cmd->add_option("paths", o.paths, "Files or directories (every SKILL.md or skill.md below)")->required();
  cmd->add_option("--format", raw.format, "Report on stdout: " + format_names())->capture_default_str();
  cmd->add_option("--output", raw.outputs, "Also write FORMAT:PATH (repeatable), e.g. sarif:results.sarif");
  cmd->add_option("--profile", raw.profile, "Built-in profile (default skill-fleet-v2)");
  cmd->add_option("--rules", raw.rules, "Load the profile from this rule file");
  cmd->add_option("--config", raw.config, "Configuration file (default: the nearest .skillscore.yaml upwards)");
  cmd->add_flag("--no-config", o.no_config, "Ignore .skillscore.yaml files");
  cmd->add_option("--include", o.include, "Only skills whose path matches this glob (repeatable)");
  cmd->add_option("--exclude", o.exclude, "Skip skills whose path matches this glob (repeatable)");
  cmd->add_option("-j,--jobs", o.jobs, "Parallel jobs (default: the number of cores)")->check(CLI::Range(1u, 1024u));
  cmd->add_option("--max-file-size", o.max_file_size, "Largest file scored, in bytes")->capture_default_str();
  cmd->add_option("--min-score", raw.min_score, "Fail (exit 1) when any skill scores below X")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--min-mean", raw.min_mean, "Fail (exit 1) when the mean score is below X")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--fail-on", raw.fail_on, "Fail (exit 1) on issues of this severity or above: error, warning, info, none")
      ->check(CLI::IsMember({"error", "warning", "info", "none"}));
  cmd->add_flag("--exit-zero", o.exit_zero, "Exit 0 even when thresholds fail (errors still exit 2)");
  cmd->add_option("--baseline", raw.baseline, "A previous jsonl (or json) output: report score changes");
  cmd->add_flag("--fail-on-regression", o.fail_on_regression, "With --baseline: fail when any score dropped");
  cmd->add_option("--tolerance", o.tolerance, "Score drop allowed before it counts as a regression")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--summary", raw.summary, "Write the batch summary as JSON to this file");
  cmd->add_flag("--allow-suppressions", o.allow_suppressions,
                "Honor skillscore-disable comments where the profile ignores them (skill-fleet-v2)");
  cmd->add_flag("--profile-time", o.profile_time, "Print on stderr where the time went (read, decode, YAML, rules, output)");
  cmd->add_flag("-q,--quiet", raw.quiet, "Only errors on stderr");
  cmd->add_flag("-v,--verbose", raw.verbose, "Debug logging on stderr");
}

// Turns the raw strings into BatchOptions; false with a message on bad input.
bool finish_options(BatchOptions& o, const Raw& raw, std::string& error) {
  auto fmt = skillscore::report::format_from_name(raw.format);
  if (!fmt) {
    error = "--format: unknown format '" + raw.format + "' (one of: " + format_names() + ")";
    return false;
  }
  o.stdout_format = *fmt;
  for (const auto& spec : raw.outputs) {
    const auto colon = spec.find(':');
    auto f = colon == std::string::npos ? std::nullopt : skillscore::report::format_from_name(spec.substr(0, colon));
    if (!f || colon + 1 >= spec.size()) {
      error = "--output: expected FORMAT:PATH with FORMAT one of " + format_names() + ", got '" + spec + "'";
      return false;
    }
    o.outputs.push_back({*f, spec.substr(colon + 1)});
  }
  if (!raw.profile.empty()) o.profile = raw.profile;
  if (!raw.rules.empty()) o.rules_file = raw.rules;
  if (!raw.config.empty()) o.config_file = raw.config;
  if (!raw.output_dir.empty()) o.output_dir = raw.output_dir;
  if (!raw.baseline.empty()) o.baseline = raw.baseline;
  if (!raw.summary.empty()) o.summary_file = raw.summary;
  if (!raw.fail_on.empty()) o.fail_on = raw.fail_on;
  if (raw.min_score >= 0) o.min_score = raw.min_score;
  if (raw.min_mean >= 0) o.min_mean = raw.min_mean;
  if (o.fail_on_regression && !o.baseline) {
    error = "--fail-on-regression needs --baseline";
    return false;
  }
  o.write_files = !raw.no_write;
  const bool tty_out = ::isatty(STDOUT_FILENO) && !std::getenv("NO_COLOR");
  o.color = tty_out;
  o.progress = ::isatty(STDERR_FILENO) && !in_ci() && !raw.quiet;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  // cmark-gfm's extension registry is global: fill it before any thread exists.
  skillscore::doc::register_markdown_extensions();
  // Reports go to std::cout only; unsynchronized it is several times faster.
  std::ios::sync_with_stdio(false);

  CLI::App app{"skillscore: scores agent skill documents (SKILL.md)"};
  app.set_version_flag("--version", std::string("skillscore ") + SKILLSCORE_VERSION);
  app.require_subcommand(1);

  BatchOptions options;
  options.jobs = std::max(1u, std::thread::hardware_concurrency());
  Raw raw;
  auto* score = app.add_subcommand("score", "Score skills and write quality_assessment.json beside each");
  add_common(score, options, raw);
  score->add_flag("--no-write", raw.no_write, "Do not write quality_assessment.json files");
  score->add_option("--output-dir", raw.output_dir, "Write the assessments under DIR, mirroring the tree");
  auto* check = app.add_subcommand("check", "Score skills without writing files; exit 1 on failed gates (hooks, CI)");
  add_common(check, options, raw);

  skillscore::app::RulesOptions rules_options;
  std::string rules_file_opt, explain_id;
  auto* rules_cmd = app.add_subcommand("rules", "List the rules of a profile: id, slug, severity, weight, title");
  auto* explain = app.add_subcommand("explain", "Print the documentation of one rule (by id or slug)");
  explain->add_option("rule", explain_id, "Rule id (SF012) or slug")->required();
  for (auto* cmd : {rules_cmd, explain}) {
    cmd->add_option("--profile", rules_options.profile, "Built-in profile")->capture_default_str();
    cmd->add_option("--rules", rules_file_opt, "A rule file instead");
    cmd->add_flag("-q,--quiet", raw.quiet, "Only errors on stderr");
  }
  rules_cmd->add_option("--format", rules_options.format, "text or json")->check(CLI::IsMember({"text", "json"}));

  skillscore::app::FixOptions fix_options;
  bool fix_list = false;
  auto* fix_cmd = app.add_subcommand("fix", "Apply safe fixes (line endings, whitespace, fences, frontmatter); --diff shows them");
  fix_cmd->add_option("paths", fix_options.paths, "Files or directories (every SKILL.md or skill.md below)");
  fix_cmd->add_flag("--diff", fix_options.diff, "Print a unified diff; write nothing (exit 1 when fixes are pending)");
  fix_cmd->add_flag("--check", fix_options.check, "Name the files that would change; write nothing (exit 1 when any)");
  fix_cmd->add_option("--only", fix_options.only, "Only this fix, by id or slug (repeatable)");
  fix_cmd->add_flag("--list", fix_list, "List the fixes and the rules they resolve");
  fix_cmd->add_option("--profile", fix_options.profile.profile, "Built-in profile (default skill-fleet-v2): which fixes apply");
  fix_cmd->add_option("--rules", fix_options.profile.rules_file, "Load the profile from this rule file");
  fix_cmd->add_option("--config", fix_options.profile.config_file, "Configuration file (default: the nearest .skillscore.yaml upwards)");
  fix_cmd->add_flag("--no-config", fix_options.profile.no_config, "Ignore .skillscore.yaml files");
  fix_cmd->add_flag("-q,--quiet", raw.quiet, "Only errors on stderr");

  skillscore::lsp::ServerOptions lsp_options;
  auto* lsp_cmd = app.add_subcommand("lsp", "Language Server over stdio: diagnostics, fixes as code actions, hover");
  lsp_cmd->add_option("--profile", lsp_options.profile.profile, "Built-in profile (default: each file's .skillscore.yaml, else skill-fleet-v2)");
  lsp_cmd->add_option("--rules", lsp_options.profile.rules_file, "Load the profile from this rule file");
  lsp_cmd->add_option("--config", lsp_options.profile.config_file, "Configuration file (default: the nearest .skillscore.yaml of each file)");
  lsp_cmd->add_flag("--no-config", lsp_options.profile.no_config, "Ignore .skillscore.yaml files");
  bool lsp_stdio = false;
  lsp_cmd->add_flag("--stdio", lsp_stdio, "Talk over stdin and stdout (the only transport; accepted for editors that pass it)");

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : skillscore::app::k_exit_error;
  }
  setup_logging(raw.quiet, raw.verbose);
  try {
    if (rules_cmd->parsed() || explain->parsed()) {
      if (!rules_file_opt.empty()) rules_options.rules_file = rules_file_opt;
      rules_options.profile_given = (rules_cmd->parsed() ? rules_cmd : explain)->count("--profile") > 0;
      return rules_cmd->parsed() ? skillscore::app::run_rules(rules_options, std::cout)
                                 : skillscore::app::run_explain(rules_options, explain_id, std::cout);
    }
    if (lsp_cmd->parsed()) return skillscore::lsp::run_server(STDIN_FILENO, STDOUT_FILENO, lsp_options);
    if (fix_cmd->parsed()) {
      if (fix_list) return skillscore::app::run_fix_list(std::cout);
      if (fix_options.paths.empty()) {
        spdlog::error("fix: name the files or directories to fix");
        return skillscore::app::k_exit_error;
      }
      return skillscore::app::run_fix(fix_options, std::cout);
    }
    options.command = check->parsed() ? Command::Check : Command::Score;
    std::string error;
    if (!finish_options(options, raw, error)) {
      spdlog::error("{}", error);
      return skillscore::app::k_exit_error;
    }
    skillscore::app::install_interrupt_handlers();
    return skillscore::app::run_batch(options, std::cout);
  } catch (const std::exception& e) {
    spdlog::error("internal error: {}", e.what());
    return skillscore::app::k_exit_error;
  }
}
