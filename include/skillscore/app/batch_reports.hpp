#pragma once
// The reports of a score/check run: one reporter for stdout and one per
// --output file. Streamed output goes to stdout as results arrive; report
// files are written whole (atomically) at the end, and so is --summary-file.
#include <memory>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include "skillscore/app/batch_command.hpp"
#include "skillscore/report/reporter.hpp"

namespace skillscore::app {

class ReportSinks {
 public:
  ReportSinks(const BatchOptions& options, const report::RunContext& context);

  void add(const report::Assessment& a);
  // What each report's add() needs of `a` alone, rendered on the calling
  // thread, any of them at once (a worker, before the file's turn).
  std::vector<std::optional<std::string>> render(const report::Assessment& a) const;
  // add() given render()'s result for `a`.
  void add(const report::Assessment& a, std::vector<std::optional<std::string>>&& rendered);
  void add_error(const report::FileError& e);
  // What the streaming formats have so far to `out` (a report file keeps it
  // all for finish()).
  void stream(std::ostream& out);
  // Every report finished; false once a file that could not be written is logged.
  bool finish(const report::Summary& summary, std::ostream& out, const std::optional<std::string>& summary_file);

 private:
  struct Sink {
    std::unique_ptr<report::Reporter> reporter;
    std::optional<std::string> path;  // nullopt: stdout; a file is written whole at the end
  };
  std::vector<Sink> sinks_;
};

// SARIF's %SRCROOT%: --sarif-root, else the top of the git work tree holding
// the first path scanned, else `cwd`.
std::string source_root(const BatchOptions& options, const std::filesystem::path& cwd);

}  // namespace skillscore::app
