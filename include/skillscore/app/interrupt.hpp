#pragma once
// SIGINT and SIGTERM stop a batch between files: the files being written are
// finished (each write is atomic), nothing half-written is left, and the run
// exits 2 saying it was interrupted.
#include <atomic>

namespace skillscore::app {

// Installs the handlers (once, from main).
void install_interrupt_handlers();
// The signal received, or 0.
int interrupted();
// The flag the batch runner polls.
const std::atomic<int>& interrupt_flag();

}  // namespace skillscore::app
