#pragma once
// Reading input files and writing output files without ever leaving a
// half-written file behind.
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>

namespace skillscore::util {

struct ReadResult {
  bool ok = false;
  std::string data;   // the bytes, when ok
  std::string error;  // the cause, when not ok (without the path)
};

// Reads a regular file whole. Refuses anything that is not a regular file
// (a FIFO would block, a directory has no content) and files above max_bytes.
// `buffer` becomes the result's data: a caller reading many files passes the
// previous one's back, so that its memory (allocated, already faulted in)
// is reused rather than a fresh buffer taken and freed per file.
ReadResult read_file(const std::filesystem::path& path, std::uintmax_t max_bytes, std::string buffer = {});

// Writes `content` to `path` atomically: a temporary file in the same
// directory, fsync, then rename over the target. Returns an empty string on
// success or the cause of the failure.
std::string write_file_atomic(const std::filesystem::path& path, std::string_view content);

// Python's universal-newlines reading: "\r\n" and lone "\r" become "\n".
std::string normalize_newlines(std::string_view bytes);
// The same in place (the text only shrinks): no copy of a text without "\r".
void normalize_newlines_in_place(std::string& text);

}  // namespace skillscore::util
