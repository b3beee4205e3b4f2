#pragma once
// JSON-RPC 2.0 messages framed by a Content-Length header (the Language
// Server Protocol's base protocol), over file descriptors.
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace skillscore::lsp {

class Transport {
 public:
  Transport(int in_fd, int out_fd) : in_(in_fd), out_(out_fd) {}

  enum class Status { Message, BadFrame, End };
  struct Frame {
    Status status = Status::End;
    std::string body;   // the content, for Message
    std::string error;  // what was wrong, for BadFrame (the stream goes on after it)
  };
  // The next message. A header without a usable Content-Length, or a body
  // above the limit, is a BadFrame; the bytes it announced are skipped.
  Frame read();
  // Writes one framed message; false when the output is gone.
  bool write(std::string_view body);

  static constexpr std::size_t k_max_body = std::size_t{64} << 20;

 private:
  bool fill();  // reads more input; false at end of input
  int in_, out_;
  std::string buf_;
  std::size_t pos_ = 0;
};

}  // namespace skillscore::lsp
