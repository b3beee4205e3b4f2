#pragma once
// `skillscore lsp`: a Language Server over stdio. Diagnostics for SKILL.md
// (skill.md) documents on open, change and save (the assessment `check`
// makes, with the file's profile and configuration), code actions for the
// safe fixes, hover with the rule's documentation. Nothing but protocol
// messages is written to `out_fd`; logs go to stderr.
#include "skillscore/app/profile_choice.hpp"

namespace skillscore::lsp {

struct ServerOptions {
  app::ProfileChoice profile;  // --profile/--rules/--config; else each file's .skillscore.yaml
};

// Serves until `exit` (or the end of the input). Returns 0 after a
// `shutdown` then `exit`, 1 otherwise (as the protocol asks).
int run_server(int in_fd, int out_fd, const ServerOptions& options);

}  // namespace skillscore::lsp
