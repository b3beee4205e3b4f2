#include "skillscore/app/interrupt.hpp"

#include <csignal>

namespace skillscore::app {
namespace {

std::atomic<int> g_signal{0};

extern "C" void on_signal(int sig) {
  // A second signal ends the process at once, as users expect.
  if (g_signal.load() != 0) {
    std::signal(sig, SIG_DFL);
    std::raise(sig);
    return;
  }
  g_signal.store(sig);
}

}  // namespace

void install_interrupt_handlers() {
  struct sigaction sa {};
  sa.sa_handler = on_signal;
  sigemptyset(&sa.sa_mask);
  sa.sa_flags = 0;  // no SA_RESTART: a blocking read returns and the batch stops sooner
  sigaction(SIGINT, &sa, nullptr);
  sigaction(SIGTERM, &sa, nullptr);
  // Over a file-size limit, write() must fail with EFBIG (a clear error for
  // that file), not kill the process.
  std::signal(SIGXFSZ, SIG_IGN);
}

int interrupted() { return g_signal.load(); }

const std::atomic<int>& interrupt_flag() { return g_signal; }

}  // namespace skillscore::app
