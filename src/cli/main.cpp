// The skillscore command line: parses options and hands them to the library.
#include <unistd.h>

#include <CLI/CLI.hpp>
#include <algorithm>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <thread>

#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include "skillscore/app/batch_command.hpp"
#include "skillscore/app/choices.hpp"
#include "skillscore/app/cli_values.hpp"
#include "skillscore/app/fix_command.hpp"
#include "skillscore/app/interrupt.hpp"
#include "skillscore/app/rules_command.hpp"
#include "skillscore/app/tokens_command.hpp"
#include "skillscore/app/collection_command.hpp"
#include "skillscore/doc/markdown.hpp"
#include "skillscore/lsp/server.hpp"
#include "docgen.hpp"

namespace {

using skillscore::app::BatchOptions;
using skillscore::app::Command;

// --color auto|always|never for one stream: auto is a terminal without NO_COLOR
// (https://no-color.org: set and not empty); the flag overrides NO_COLOR.
bool use_color(const std::string& mode, int fd) {
  using skillscore::app::ColorMode;
  const auto m = skillscore::rules::kind_from_name(skillscore::app::color_modes(), mode);
  if (m == ColorMode::Always) return true;
  if (m == ColorMode::Never) return false;
  const char* no_color = std::getenv("NO_COLOR");
  return ::isatty(fd) && !(no_color && *no_color);
}

void setup_logging(bool quiet, bool verbose, bool color) {
  auto logger = spdlog::stderr_color_mt("skillscore", color ? spdlog::color_mode::always : spdlog::color_mode::never);
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

constexpr const char* k_version = "skillscore " SKILLSCORE_VERSION;

// -V/--version anywhere (before a `--`) and `version`: CLI11 would first ask
// for a subcommand.
bool wants_version(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    const std::string_view a = argv[i];
    if (a == "--") break;
    if (a == "-V" || a == "--version") return true;
  }
  return argc >= 2 && std::string_view(argv[1]) == "version";
}

// A first word that is no command: the nearest one, and the list (CLI11 says
// "A subcommand is required").
std::optional<int> unknown_command(const CLI::App& app, int argc, char** argv) {
  if (argc < 2 || argv[1][0] == '-') return std::nullopt;
  const std::string_view first = argv[1];
  std::vector<std::string> names;
  for (const auto* sub : app.get_subcommands({})) names.push_back(sub->get_name());
  if (std::find(names.begin(), names.end(), first) != names.end()) return std::nullopt;
  std::vector<std::string_view> views(names.begin(), names.end());
  std::string list;
  for (const auto& n : names) list += (list.empty() ? "" : ", ") + n;
  const auto near = skillscore::app::nearest(first, views);
  std::cerr << "skillscore: error: unknown command '" << first << "'"
            << (near ? "; did you mean '" + std::string(*near) + "'?" : std::string()) << " (commands: " << list
            << "; skillscore --help)\n";
  return skillscore::app::k_exit_error;
}

// --min-score and --min-mean: "'abc' is not a number from 0 to 1".
CLI::Validator unit_interval() {
  return CLI::Validator(
      [](std::string& s) -> std::string {
        return skillscore::app::parse_unit_interval(s) ? "" : "'" + s + "' is not a number from 0 to 1";
      },
      "0..1");
}

struct Raw {
  std::string format = "text";
  std::vector<std::string> outputs;
  std::string profile, rules, weights, config, output_dir, baseline, summary, fail_on, sarif_root;
  std::string color = "auto";
  std::string listing_format = "text";  // rules, tokens, collection
  std::string max_file_size;
  double min_score = -1, min_mean = -1;
  bool no_write = false, quiet = false, verbose = false;
};

void add_color(CLI::App* cmd, Raw& raw) {
  cmd->add_option("--color", raw.color, "Colour on stdout and stderr: auto (a terminal, unless NO_COLOR is set), always, never")
      ->check(CLI::IsMember(skillscore::app::kind_name_list(skillscore::app::color_modes())))
      ->capture_default_str();
}

// --format of rules, tokens and collection.
void add_listing_format(CLI::App* cmd, Raw& raw) {
  const auto table = skillscore::app::listing_formats();
  cmd->add_option("--format", raw.listing_format, skillscore::rules::kind_choices(table))
      ->check(CLI::IsMember(skillscore::app::kind_name_list(table)));
}

skillscore::app::ListingFormat listing_format(const Raw& raw) {
  return *skillscore::rules::kind_from_name(skillscore::app::listing_formats(), raw.listing_format);
}

// The options `score` and `check` share.
void add_common(CLI::App* cmd, BatchOptions& o, Raw& raw) {
  cmd->add_option("paths", o.paths, "Files or directories (every SKILL.md or skill.md below)")->required();
  cmd->add_option("--format", raw.format, "Report on stdout: " + format_names())->capture_default_str();
  cmd->add_option("--output", raw.outputs, "Also write FORMAT:PATH (repeatable), e.g. sarif:results.sarif");
  cmd->add_option("--profile", raw.profile, "Built-in profile (default skill-fleet-v2)");
  cmd->add_option("--rules", raw.rules, "Load the profile from this rule file");
  cmd->add_option("--weights", raw.weights, "Custom score weights (JSON or YAML), as the reference's weights= dict");
  cmd->add_option("--config", raw.config, "Configuration file (default: the nearest .skillscore.yaml upwards)");
  cmd->add_flag("--no-config", o.no_config, "Ignore .skillscore.yaml files");
  cmd->add_option("--include", o.include, "Only skills whose path matches this glob (repeatable)");
  cmd->add_option("--exclude", o.exclude, "Skip skills whose path matches this glob (repeatable)");
  cmd->add_option("-j,--jobs", o.jobs, "Parallel jobs (default: the number of cores)")->check(CLI::Range(1u, 1024u));
  cmd->add_option("--max-file-size", raw.max_file_size, "Largest file scored: bytes, or with K, M, G (default 10M)")
      ->check(CLI::Validator(
          [](std::string& s) -> std::string {
            return skillscore::app::parse_size(s) ? "" : "'" + s + "' is not a size (bytes, or a number with K, M or G)";
          },
          "SIZE"));
  cmd->add_option("--min-score", raw.min_score, "Fail (exit 1) when any skill scores below X")->check(unit_interval());
  cmd->add_option("--min-mean", raw.min_mean, "Fail (exit 1) when the mean score is below X")->check(unit_interval());
  cmd->add_option("--fail-on", raw.fail_on,
                  "Fail (exit 1) on issues of this severity or above: " +
                      skillscore::rules::kind_names(skillscore::app::fail_on_levels()))
      ->check(CLI::IsMember(skillscore::app::kind_name_list(skillscore::app::fail_on_levels())));
  cmd->add_flag("--exit-zero", o.exit_zero, "Exit 0 even when thresholds fail (errors still exit 2)");
  cmd->add_option("--baseline", raw.baseline, "A previous jsonl (or json) output: report score changes");
  cmd->add_flag("--fail-on-regression", o.fail_on_regression, "With --baseline: fail when any score dropped");
  cmd->add_option("--tolerance", o.tolerance, "Score drop allowed before it counts as a regression")->check(CLI::Range(0.0, 1.0));
  cmd->add_option("--summary", raw.summary, "Write the batch summary as JSON to this file");
  cmd->add_option("--sarif-root", raw.sarif_root, "SARIF URIs are relative to DIR (default: the git work tree's top, else .)");
  cmd->add_flag("--allow-suppressions", o.allow_suppressions,
                "Honor skillscore-disable comments where the profile ignores them (skill-fleet-v2)");
  cmd->add_flag("--profile-time", o.profile_time, "Print on stderr where the time went (read, decode, YAML, rules, output)");
  cmd->add_flag("-q,--quiet", raw.quiet, "Only errors on stderr");
  cmd->add_flag("-v,--verbose", raw.verbose, "Debug logging on stderr");
  add_color(cmd, raw);
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
  if (!raw.weights.empty()) o.weights_file = raw.weights;
  if (!raw.config.empty()) o.config_file = raw.config;
  if (!raw.output_dir.empty()) o.output_dir = raw.output_dir;
  if (!raw.baseline.empty()) o.baseline = raw.baseline;
  if (!raw.summary.empty()) o.summary_file = raw.summary;
  if (!raw.sarif_root.empty()) o.sarif_root = raw.sarif_root;
  if (!raw.fail_on.empty()) o.fail_on = skillscore::rules::kind_from_name(skillscore::app::fail_on_levels(), raw.fail_on);
  if (!raw.max_file_size.empty()) o.max_file_size = *skillscore::app::parse_size(raw.max_file_size);
  if (raw.min_score >= 0) o.min_score = raw.min_score;
  if (raw.min_mean >= 0) o.min_mean = raw.min_mean;
  if (o.fail_on_regression && !o.baseline) {
    error = "--fail-on-regression needs --baseline";
    return false;
  }
  o.write_files = !raw.no_write;
  o.color = use_color(raw.color, STDOUT_FILENO);
  o.progress = ::isatty(STDERR_FILENO) && !in_ci() && !raw.quiet;
  return true;
}

}  // namespace

int main(int argc, char** argv) {
  // cmark-gfm's extension registry is global: fill it before any thread exists.
  skillscore::doc::register_markdown_extensions();
  // Reports go to std::cout only; unsynchronized it is several times faster.
  std::ios::sync_with_stdio(false);

  if (wants_version(argc, argv)) {
    std::cout << k_version << "\n";
    return 0;
  }
  // Named, so that usage says `skillscore`, not the path it was run by.
  CLI::App app{"skillscore: scores agent skill documents (SKILL.md)", "skillscore"};
  app.set_version_flag("-V,--version", k_version);
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

  app.add_subcommand("version", "Print the version (also -V or --version anywhere)");

  skillscore::app::RulesOptions rules_options;
  std::string rules_file_opt, explain_id;
  auto* rules_cmd = app.add_subcommand("rules", "List the rules of a profile: id, slug, severity, weight, title");
  auto* explain = app.add_subcommand("explain", "Print the documentation of one rule (by id or slug)");
  explain->add_option("rule", explain_id, "Rule id (SF012) or slug")->required();
  for (auto* cmd : {rules_cmd, explain}) {
    cmd->add_option("--profile", rules_options.profile, "Built-in profile")->capture_default_str();
    cmd->add_option("--rules", rules_file_opt, "A rule file instead");
    cmd->add_flag("-q,--quiet", raw.quiet, "Only errors on stderr");
    add_color(cmd, raw);
  }
  add_listing_format(rules_cmd, raw);

  skillscore::app::TokensOptions tokens_options;
  auto* tokens_cmd = app.add_subcommand("tokens", "Token counts (o200k_base, cl100k_base, estimate) per skill and section");
  tokens_cmd->add_option("paths", tokens_options.paths, "Files or directories (every SKILL.md or skill.md below)")->required();
  add_listing_format(tokens_cmd, raw);
  tokens_cmd->add_flag("--raw", tokens_options.raw, "Count each named file's bytes as one text (no frontmatter, no sections)");
  tokens_cmd->add_flag("-q,--quiet", raw.quiet, "Only errors on stderr");

  skillscore::app::CollectionOptions collection_options;
  auto* collection_cmd = app.add_subcommand(
      "collection", "Collection checks: start-up description budget of a host, duplicate and near-duplicate skills");
  collection_cmd->add_option("paths", collection_options.paths, "Files or directories (every SKILL.md or skill.md below)")->required();
  collection_cmd->add_option("--host", collection_options.host, "Whose limits: claude-code or agentskills")->capture_default_str();
  add_listing_format(collection_cmd, raw);
  collection_cmd->add_option("--similarity", collection_options.threshold,
                             "Word-trigram Jaccard similarity from which descriptions are near duplicates")
      ->check(CLI::Range(0.1, 1.0))->capture_default_str();
  collection_cmd->add_flag("-q,--quiet", raw.quiet, "Only errors on stderr");
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

  skillscore::cli::add_generate_command(app);
  if (auto code = unknown_command(app, argc, argv)) return *code;
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? 0 : skillscore::app::k_exit_error;
  }
  setup_logging(raw.quiet, raw.verbose, use_color(raw.color, STDERR_FILENO));
  rules_options.format = tokens_options.format = collection_options.format = listing_format(raw);
  try {
    if (rules_cmd->parsed() || explain->parsed()) {
      if (!rules_file_opt.empty()) rules_options.rules_file = rules_file_opt;
      rules_options.profile_given = (rules_cmd->parsed() ? rules_cmd : explain)->count("--profile") > 0;
      return rules_cmd->parsed() ? skillscore::app::run_rules(rules_options, std::cout)
                                 : skillscore::app::run_explain(rules_options, explain_id, std::cout);
    }
    if (tokens_cmd->parsed()) return skillscore::app::run_tokens(tokens_options, std::cout);
    if (collection_cmd->parsed()) return skillscore::app::run_collection(collection_options, std::cout);
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
