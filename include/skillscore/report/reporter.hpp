#pragma once
// One interface for every output format. A reporter receives the results in
// path order and renders its output into a string; the caller decides where
// it goes (stdout or a file written atomically).
#include <map>
#include <memory>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>

#include "skillscore/report/assessment.hpp"
#include "skillscore/report/summary.hpp"
#include "skillscore/rules/profile.hpp"

namespace skillscore::report {

enum class Format { Text, Json, Jsonl, Csv, Sarif, Junit, Github, Markdown, Html };

struct FormatInfo {
  Format format;
  std::string_view name;
  std::string_view description;
};
std::span<const FormatInfo> formats();
std::optional<Format> format_from_name(std::string_view name);

// What every reporter may need besides the results.
struct RunContext {
  const rules::Profile* profile = nullptr;
  GateSettings gates;  // what the run enforces (Summary::gates has the outcome)
  bool color = false;
  std::optional<std::map<std::string, double>> baseline;  // previous scores by path, with --baseline
  // SARIF's %SRCROOT%: the absolute directory that artifact URIs are relative
  // to, and the directory relative paths are given from. Unset: paths as given.
  std::optional<std::string> source_root;
  std::string cwd;
};

class Reporter {
 public:
  virtual ~Reporter() = default;
  virtual void add(const Assessment& a) = 0;
  virtual void add_error(const FileError& e) = 0;
  // The part of add() that depends on this one file alone, for any thread to
  // do ahead, in any order (const: it reads nothing add() changes), so that
  // the in-order part of a batch only appends; nullopt: add() does it all.
  virtual std::optional<std::string> render(const Assessment&) const { return std::nullopt; }
  // add() given what render() returned for `a`.
  virtual void add_rendered(const Assessment& a, std::string&&) { add(a); }
  // Called once after the last result; returns what remains to be written.
  virtual std::string finish(const Summary& summary) = 0;
  // Output produced so far that can be written before the end (streaming
  // formats: text, jsonl, github); empty for document formats.
  virtual std::string take_streamed() { return {}; }
  // take_streamed() written to `out`; streaming formats override it to keep
  // their buffer (a string per file and its growth cost more than the JSON).
  virtual void stream_to(std::ostream& out) { out << take_streamed(); }
  // Streaming formats hand their output on in blocks of this size or more
  // (whole records), not a write per file: the rest comes with finish().
  static constexpr std::size_t k_stream_block = 64 * 1024;
};

std::unique_ptr<Reporter> make_reporter(Format format, const RunContext& context);

}  // namespace skillscore::report
