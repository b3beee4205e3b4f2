#include "skillscore/app/progress.hpp"

#include <cstdio>
#include <string>

namespace skillscore::app {

Progress::Progress(bool enabled, std::size_t total)
    : enabled_(enabled && total > 0), total_(total), start_(std::chrono::steady_clock::now()), last_(start_) {}

Progress::~Progress() { finish(); }

void Progress::update(std::size_t done) {
  if (!enabled_) return;
  const auto now = std::chrono::steady_clock::now();
  if (now - start_ < std::chrono::seconds(1)) return;
  if (shown_ && now - last_ < std::chrono::milliseconds(100) && done < total_) return;
  last_ = now;
  shown_ = true;
  constexpr int width = 30;
  const int filled = static_cast<int>(static_cast<double>(done) / static_cast<double>(total_) * width);
  std::string bar(static_cast<std::size_t>(filled), '=');
  bar.resize(width, ' ');
  std::fprintf(stderr, "\r[%s] %zu/%zu skills", bar.c_str(), done, total_);
  std::fflush(stderr);
}

void Progress::finish() {
  if (!shown_) return;
  std::fprintf(stderr, "\r\x1b[2K");
  std::fflush(stderr);
  shown_ = false;
}

}  // namespace skillscore::app
