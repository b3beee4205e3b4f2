#pragma once
// Runs a call in a forked child first, so that a crash in the code under test
// fails one test case instead of aborting the whole run.
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <csignal>
#include <cstdlib>

namespace skillscore::test {

template <typename F>
bool runs_without_crash(F&& f) {
  const pid_t pid = ::fork();
  if (pid < 0) return true;  // cannot tell: let the caller run it in-process
  if (pid == 0) {
    // Die of the signal quietly: no doctest crash report, no core file.
    for (int sig : {SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE}) std::signal(sig, SIG_DFL);
    const rlimit no_core{0, 0};
    ::setrlimit(RLIMIT_CORE, &no_core);
    f();
    ::_exit(0);
  }
  int status = 0;
  if (::waitpid(pid, &status, 0) != pid) return false;
  return WIFEXITED(status) && WEXITSTATUS(status) == 0;
}

}  // namespace skillscore::test
