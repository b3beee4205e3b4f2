#pragma once
// Positions and failures shared by the stages of the PyYAML-faithful loader.
#include <cstdint>
#include <string>

namespace skillscore::doc::pyyaml {

// PyYAML's Mark: code-point index, 0-based line and column (a BOM takes no column).
struct Mark {
  std::uint32_t index = 0;
  std::uint32_t line = 0;
  std::uint32_t column = 0;
};

enum class FailureKind {
  YamlError,  // PyYAML raises a YAMLError: the reference reads {}
  Crash,      // another exception escapes safe_load (RecursionError, ValueError...)
  Limit,      // skillscore's own guard, far beyond what PyYAML handles in practice
};

// Thrown by every stage; the loader turns it into a YamlLoadResult.
struct Failure {
  FailureKind kind = FailureKind::YamlError;
  std::string message;  // PyYAML's "problem" text
  Mark mark;
  bool has_mark = false;
};

[[noreturn]] inline void fail(FailureKind kind, std::string message, const Mark* mark = nullptr) {
  Failure f;
  f.kind = kind;
  f.message = std::move(message);
  if (mark) {
    f.mark = *mark;
    f.has_mark = true;
  }
  throw f;
}

}  // namespace skillscore::doc::pyyaml
