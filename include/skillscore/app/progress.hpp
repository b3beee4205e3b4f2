#pragma once
// A progress bar on stderr for long runs on a terminal: shown only after a
// second has passed, redrawn at most ten times a second, erased at the end.
#include <chrono>
#include <cstddef>

namespace skillscore::app {

class Progress {
 public:
  Progress(bool enabled, std::size_t total);
  ~Progress();
  void update(std::size_t done);
  void finish();

 private:
  bool enabled_;
  bool shown_ = false;
  std::size_t total_;
  std::chrono::steady_clock::time_point start_, last_;
};

}  // namespace skillscore::app
