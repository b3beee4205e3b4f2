#pragma once
// A small streaming JSON writer: keys in the order written, floats as
// Python's repr (shortest round-trip), strings escaped, invalid UTF-8 replaced.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace skillscore::report {

class JsonWriter {
 public:
  // indent 0: one line; otherwise pretty-printed with that many spaces.
  explicit JsonWriter(int indent = 0) : out_(&own_), indent_(indent) {}
  // Appends to `out` (a reporter's stream: no string of its own to copy),
  // indented as if `depth` containers were open around what it writes.
  JsonWriter(std::string& out, int indent, int depth = 0) : out_(&out), indent_(indent), depth_(depth) {}
  JsonWriter(const JsonWriter&) = delete;
  JsonWriter& operator=(const JsonWriter&) = delete;

  JsonWriter& begin_object();
  JsonWriter& end_object();
  JsonWriter& begin_array();
  JsonWriter& end_array();
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view(s)); }
  JsonWriter& value(double d);
  JsonWriter& value(std::int64_t i);
  JsonWriter& value(int i) { return value(static_cast<std::int64_t>(i)); }
  JsonWriter& value(std::size_t i) { return value(static_cast<std::int64_t>(i)); }
  JsonWriter& value(bool b);
  JsonWriter& null();
  // Writes an already-serialized JSON value as it is.
  JsonWriter& raw(std::string_view json);

  const std::string& str() const { return *out_; }
  std::string take() { return std::move(*out_); }

 private:
  void before_value();
  void newline();
  struct Level {
    bool is_object;
    bool empty;
  };
  std::string own_;
  std::string* out_;  // own_, or the caller's string
  std::vector<Level> stack_;
  bool after_key_ = false;
  int indent_;
  int depth_ = 0;  // containers open around the writer's output
};

// A JSON string literal for `s` (with quotes).
std::string json_quote(std::string_view s);

}  // namespace skillscore::report
