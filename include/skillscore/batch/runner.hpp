#pragma once
// Scores files in parallel and hands the results over in path order, whatever
// the number of threads, so output is byte-identical for any -j.
#include <any>
#include <atomic>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "skillscore/report/assessment.hpp"
#include "skillscore/rules/profile.hpp"

namespace skillscore::batch {

struct FileResult {
  std::optional<report::Assessment> assessment;
  std::optional<report::FileError> error;
  // What RunOptions::prepare made of the assessment; empty without one (or
  // when it threw: the sink then does that work itself).
  std::any prepared;
};

// Where the time goes, summed over every file and thread (--profile-time).
struct StageTimes {
  std::atomic<std::uint64_t> read_ns{0};      // open + read
  std::atomic<std::uint64_t> decode_ns{0};    // UTF-8 check, newlines
  std::atomic<std::uint64_t> document_ns{0};  // frontmatter split + YAML + line index
  std::atomic<std::uint64_t> rules_ns{0};     // metrics, checks, score
};

struct RunOptions {
  unsigned jobs = 1;
  std::uintmax_t max_file_size = 10u << 20;
  StageTimes* times = nullptr;  // when set, stages are timed
  // When it becomes non-zero, no further file is started; files already
  // scored are still handed to the sink, in order.
  const std::atomic<int>* stop = nullptr;
  // Inline suppressions: applied when the profile honors them or when
  // allowed from the command line; `known_rules` holds ids and slugs.
  bool allow_suppressions = false;
  std::set<std::string> known_rules;
  // Work on a scored file that does not depend on the order (rendering its
  // reports), done by the thread that scored it before the file waits for its
  // turn, so the sink, which runs one call at a time, has less to do.
  std::function<std::any(const report::Assessment&)> prepare;
};

// Reads and scores one file; never throws. `spare_core`: a core is free for
// work inside the file (rules::EvalOptions); run() says so when it has fewer
// files than jobs.
FileResult score_file(const rules::Profile& profile, const std::string& path, const RunOptions& options,
                      bool spare_core = false);

// Calls `sink` once per file, in the order of `files`, one call at a time
// (each call happens before the next), from whichever thread scored the file
// the output was waiting for. An exception from `sink` ends the run and is
// rethrown here.
void run(const rules::Profile& profile, const std::vector<std::string>& files, const RunOptions& options,
         const std::function<void(std::size_t index, FileResult&& result)>& sink);

}  // namespace skillscore::batch
