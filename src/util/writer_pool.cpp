#include "skillscore/util/writer_pool.hpp"

#include <algorithm>

#include "skillscore/util/file_io.hpp"

namespace skillscore::util {

WriterPool::WriterPool(unsigned threads) {
  for (unsigned i = 0; i < std::max(1u, threads); ++i) threads_.emplace_back([this] { run(); });
}

WriterPool::~WriterPool() {
  finish();
  {
    std::lock_guard lock(mu_);
    stopping_ = true;
  }
  work_.notify_all();
  for (auto& t : threads_) t.join();
}

void WriterPool::write(std::filesystem::path target, std::string content, std::string label) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back({queued_++, std::move(target), std::move(content), std::move(label)});
  }
  work_.notify_one();
}

std::vector<std::string> WriterPool::finish() {
  std::unique_lock lock(mu_);
  idle_.wait(lock, [&] { return done_ == queued_; });
  std::sort(errors_.begin(), errors_.end());
  std::vector<std::string> out;
  for (auto& e : errors_) out.push_back(std::move(e.second));
  errors_.clear();
  return out;
}

void WriterPool::run() {
  while (true) {
    Job job;
    {
      std::unique_lock lock(mu_);
      work_.wait(lock, [&] { return stopping_ || !queue_.empty(); });
      if (queue_.empty()) return;
      job = std::move(queue_.front());
      queue_.pop_front();
    }
    std::string err;
    std::error_code ec;
    if (job.target.has_parent_path()) std::filesystem::create_directories(job.target.parent_path(), ec);
    if (ec) err = "cannot create " + job.target.parent_path().string() + ": " + ec.message();
    else err = write_file_atomic(job.target, job.content);
    {
      std::lock_guard lock(mu_);
      if (!err.empty()) errors_.emplace_back(job.seq, job.label + ": " + err);
      ++done_;
    }
    idle_.notify_all();
  }
}

}  // namespace skillscore::util
