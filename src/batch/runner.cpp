#include "skillscore/batch/runner.hpp"

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <exception>
#include <mutex>
#include <thread>

#include "skillscore/assess/assess.hpp"
#include "skillscore/assess/suppressions.hpp"
#include "skillscore/doc/document.hpp"
#include "skillscore/util/file_io.hpp"

namespace skillscore::batch {

namespace {

class StageTimer {
 public:
  explicit StageTimer(StageTimes* t) : t_(t), last_(t ? std::chrono::steady_clock::now() : std::chrono::steady_clock::time_point{}) {}
  void lap(std::atomic<std::uint64_t> StageTimes::*stage) {
    if (!t_) return;
    const auto now = std::chrono::steady_clock::now();
    (t_->*stage) += static_cast<std::uint64_t>(std::chrono::duration_cast<std::chrono::nanoseconds>(now - last_).count());
    last_ = now;
  }

 private:
  StageTimes* t_;
  std::chrono::steady_clock::time_point last_;
};

}  // namespace

FileResult score_file(const rules::Profile& profile, const std::string& path, const RunOptions& options,
                      bool spare_core) {
  FileResult r;
  StageTimer timer(options.times);
  // The storage of this thread's previous file's text, read into again:
  // a buffer already allocated and faulted in, not a fresh one per file.
  thread_local std::string spare;
  // Above this a buffer is given back rather than kept between files.
  constexpr std::size_t k_spare_capacity = 1 << 20;
  try {
    auto read = util::read_file(path, options.max_file_size, std::move(spare));
    timer.lap(&StageTimes::read_ns);
    if (!read.ok) {
      r.error = report::FileError{path, read.error};
      return r;
    }
    std::string error;
    const bool decoded = doc::decode_skill_text_in_place(read.data, error);
    timer.lap(&StageTimes::decode_ns);
    if (!decoded) {
      r.error = report::FileError{path, error};
      return r;
    }
    doc::Document document(path, std::move(read.data), profile.document.frontmatter, profile.document.yaml);
    timer.lap(&StageTimes::document_ns);
    r.assessment = assess::assess(profile, document, rules::EvalOptions{spare_core});
    if (profile.document.honor_suppressions || options.allow_suppressions) {
      assess::apply_suppressions(document.text(), options.known_rules, *r.assessment);
    }
    std::string text = std::move(document).release_text();
    if (text.capacity() <= k_spare_capacity) spare = std::move(text);
    timer.lap(&StageTimes::rules_ns);
  } catch (const doc::MarkdownLimitError& e) {
    // Markdown too large or too complex for cmark-gfm within its budget:
    // a clear error for this file, the batch goes on.
    r.assessment.reset();
    r.error = report::FileError{path, e.what()};
  } catch (const std::exception& e) {
    r.assessment.reset();
    r.error = report::FileError{path, std::string("internal error: ") + e.what()};
  }
  return r;
}

namespace {

// score_file, then RunOptions::prepare on this thread; a prepare that throws
// leaves its work to the sink, which reports any failure in order.
FileResult score_and_prepare(const rules::Profile& profile, const std::string& path, const RunOptions& options,
                             bool spare_core) {
  FileResult r = score_file(profile, path, options, spare_core);
  if (options.prepare && r.assessment) {
    try {
      r.prepared = options.prepare(*r.assessment);
    } catch (const std::exception&) {
      r.prepared.reset();
    }
  }
  return r;
}

}  // namespace

void run(const rules::Profile& profile, const std::vector<std::string>& files, const RunOptions& options,
         const std::function<void(std::size_t, FileResult&&)>& sink) {
  const std::size_t n = files.size();
  const unsigned jobs = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(std::max<std::size_t>(n, 1))));
  auto stopped = [&] { return options.stop && options.stop->load() != 0; };
  // One worker per file still leaves a core each for work inside the file.
  const bool spare_core = options.jobs >= 2 * jobs;
  if (jobs == 1) {
    for (std::size_t i = 0; i < n && !stopped(); ++i) {
      sink(i, score_and_prepare(profile, files[i], options, spare_core));
    }
    return;
  }
  // Workers take the next index. Whoever stores the result the output is
  // waiting for hands it and every ready one after it to the sink, so no
  // thread sleeps and wakes per file (with a consumer thread, a 2-core run
  // spent a context switch per file and ran three threads on two cores).
  // A bounded window keeps memory flat on big runs.
  const std::size_t window = static_cast<std::size_t>(jobs) * 64;
  std::vector<std::optional<FileResult>> slots(n);
  std::mutex mu;
  std::condition_variable space;
  std::atomic<std::size_t> next{0};
  std::size_t emitted = 0;     // guarded by mu
  bool emitting = false;       // a thread is in the sink loop; guarded by mu
  std::exception_ptr failure;  // the sink threw: no more calls; guarded by mu
  // Called with `lock` held: emits while the next result is ready.
  auto drain = [&](std::unique_lock<std::mutex>& lock) {
    if (emitting) return;  // that thread will see the result just stored
    emitting = true;
    while (!failure && emitted < n && slots[emitted].has_value()) {
      FileResult r = std::move(*slots[emitted]);
      slots[emitted].reset();
      const std::size_t index = emitted;
      lock.unlock();
      try {
        sink(index, std::move(r));
      } catch (...) {
        lock.lock();
        failure = std::current_exception();
        break;
      }
      lock.lock();
      ++emitted;
      space.notify_all();
    }
    emitting = false;
  };
  auto worker = [&] {
    while (true) {
      const std::size_t i = next.fetch_add(1);
      if (i >= n || stopped()) return;
      {
        std::unique_lock lock(mu);
        // A stop raised by a signal notifies nobody: look again now and then.
        while (!(i < emitted + window) && !failure && !stopped()) space.wait_for(lock, std::chrono::milliseconds(20));
        if (failure || stopped()) return;
      }
      FileResult r = score_and_prepare(profile, files[i], options, spare_core);
      std::unique_lock lock(mu);
      slots[i] = std::move(r);
      drain(lock);
    }
  };
  std::vector<std::thread> threads;
  threads.reserve(jobs);
  for (unsigned t = 0; t < jobs; ++t) threads.emplace_back(worker);
  for (auto& t : threads) t.join();
  // After a stop, files scored past the first one never started are dropped:
  // the output stays a prefix of the files, in order.
  if (failure) std::rethrow_exception(failure);
}

}  // namespace skillscore::batch
