#pragma once
// The man page and the shell completions, generated from the CLI11 definition
// itself so they can never drift from the options main.cpp declares.
#include <CLI/CLI.hpp>
#include <string>

namespace skillscore::cli {

// roff for man(1), for this version.
std::string man_page(const CLI::App& app, const std::string& version);
std::string bash_completion(const CLI::App& app);
std::string zsh_completion(const CLI::App& app);
std::string fish_completion(const CLI::App& app);

// Adds the hidden `generate man|bash|zsh|fish` command that prints one of the
// above (packaging runs it; users get the results installed). Call it after
// every other subcommand and option is declared.
void add_generate_command(CLI::App& app);

}  // namespace skillscore::cli
