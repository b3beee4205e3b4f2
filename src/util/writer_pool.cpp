#include "skillscore/util/writer_pool.hpp"

#include <algorithm>

#include "skillscore/util/file_io.hpp"

namespace skillscore::util {

namespace {

// Creates root/... down to target's directory, refusing symbolic links.
std::string make_dirs_under(const std::filesystem::path& root, const std::filesystem::path& target) {
  namespace fs = std::filesystem;
  std::error_code ec;
  fs::create_directories(root, ec);
  if (ec) return "cannot create " + root.string() + ": " + ec.message();
  const fs::path rel = target.parent_path().lexically_relative(root);
  fs::path dir = root;
  for (const auto& part : rel) {
    if (part == "." || part.empty()) continue;
    if (part == "..") return "refusing to write outside " + root.string();
    dir /= part;
    if (fs::is_symlink(dir, ec)) return "refusing to write through the symbolic link " + dir.string();
    if (!fs::exists(dir, ec)) {
      fs::create_directory(dir, ec);
      if (ec) return "cannot create " + dir.string() + ": " + ec.message();
    } else if (!fs::is_directory(dir, ec)) {
      return dir.string() + " exists and is not a directory";
    }
  }
  return {};
}

}  // namespace

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

void WriterPool::write(std::filesystem::path target, std::string content, std::string label,
                       std::filesystem::path root) {
  {
    std::lock_guard lock(mu_);
    queue_.push_back({queued_++, std::move(target), std::move(content), std::move(label), std::move(root)});
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
    std::string err = job.root.empty() ? std::string() : make_dirs_under(job.root, job.target);
    std::error_code ec;
    if (err.empty() && job.root.empty() && job.target.has_parent_path()) {
      std::filesystem::create_directories(job.target.parent_path(), ec);
      if (ec) err = "cannot create " + job.target.parent_path().string() + ": " + ec.message();
    }
    if (err.empty()) {
      // The target itself must not be a link either (it would be replaced, but
      // refusing says more clearly that something is off).
      if (!job.root.empty() && std::filesystem::is_symlink(job.target, ec)) {
        err = "refusing to write through the symbolic link " + job.target.string();
      } else {
        err = write_file_atomic(job.target, job.content);
      }
    }
    {
      std::lock_guard lock(mu_);
      if (!err.empty()) errors_.emplace_back(job.seq, job.label + ": " + err);
      ++done_;
    }
    idle_.notify_all();
  }
}

}  // namespace skillscore::util
