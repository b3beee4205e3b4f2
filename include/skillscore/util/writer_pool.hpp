#pragma once
// Atomic file writes (temp file, fsync, rename) on a few threads of their
// own: fsync waits for the disk, and concurrent fsyncs share journal commits,
// so a batch writing thousands of files is not bound by one fsync at a time.
#include <condition_variable>
#include <deque>
#include <filesystem>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace skillscore::util {

class WriterPool {
 public:
  explicit WriterPool(unsigned threads);
  ~WriterPool();  // waits for every queued write
  WriterPool(const WriterPool&) = delete;
  WriterPool& operator=(const WriterPool&) = delete;

  // Queues a write; `label` names it in an error (the skill file). With a
  // `root`, the directories from root to the target are created one by one
  // and a symbolic link among them is refused: nothing is written outside root.
  void write(std::filesystem::path target, std::string content, std::string label,
             std::filesystem::path root = {});
  // Waits for every queued write and returns the errors ("label: cause"), in
  // the order the writes were queued.
  std::vector<std::string> finish();

 private:
  struct Job {
    std::size_t seq;
    std::filesystem::path target;
    std::string content;
    std::string label;
    std::filesystem::path root;
  };
  void run();

  std::mutex mu_;
  std::condition_variable work_, idle_;
  std::deque<Job> queue_;
  std::size_t queued_ = 0, done_ = 0;
  bool stopping_ = false;
  std::vector<std::pair<std::size_t, std::string>> errors_;
  std::vector<std::thread> threads_;
};

}  // namespace skillscore::util
