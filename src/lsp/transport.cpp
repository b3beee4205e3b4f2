#include "transport.hpp"

#include <unistd.h>

#include <cerrno>
#include <charconv>

#include "skillscore/util/pystr.hpp"

namespace skillscore::lsp {

bool Transport::fill() {
  // What was read before is never looked at again.
  buf_.erase(0, pos_);
  pos_ = 0;
  char chunk[65536];
  while (true) {
    const ssize_t n = ::read(in_, chunk, sizeof chunk);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    buf_.append(chunk, static_cast<std::size_t>(n));
    return true;
  }
}

Transport::Frame Transport::read() {
  Frame f;
  // The header ends at the first empty line.
  std::size_t end;
  while ((end = buf_.find("\r\n\r\n", pos_)) == std::string::npos) {
    if (buf_.size() - pos_ > 64 * 1024) {
      f.status = Status::BadFrame;
      f.error = "header longer than 64 KiB";
      pos_ = buf_.size() - 3;  // keep a possible partial "\r\n\r\n"
      return f;
    }
    if (!fill()) return f;  // End (a partial header at the end is dropped)
  }
  const std::string_view header = std::string_view(buf_).substr(pos_, end - pos_);
  pos_ = end + 4;
  std::optional<std::size_t> length;
  std::size_t line_start = 0;
  while (line_start <= header.size()) {
    auto line_end = header.find("\r\n", line_start);
    if (line_end == std::string_view::npos) line_end = header.size();
    const std::string_view line = header.substr(line_start, line_end - line_start);
    const auto colon = line.find(':');
    if (colon != std::string_view::npos) {
      std::string name(line.substr(0, colon));
      util::ascii_lower(name);
      const std::string_view value = util::py_strip(line.substr(colon + 1));
      if (name == "content-length") {
        std::size_t n = 0;
        const auto [p, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (ec == std::errc() && p == value.data() + value.size() && !value.empty()) length = n;
      }
    }
    line_start = line_end + 2;
  }
  if (!length) {
    f.status = Status::BadFrame;
    f.error = "no valid Content-Length header";
    return f;
  }
  if (*length > k_max_body) {
    // Skip what was announced, so that the next message is read from its start.
    std::size_t left = *length;
    while (left > 0) {
      const std::size_t have = buf_.size() - pos_;
      const std::size_t take = std::min(have, left);
      pos_ += take;
      left -= take;
      if (left > 0 && !fill()) break;
    }
    f.status = Status::BadFrame;
    f.error = "message of " + std::to_string(*length) + " bytes is above the limit";
    return f;
  }
  while (buf_.size() - pos_ < *length) {
    if (!fill()) return f;  // End: the body was cut short
  }
  f.status = Status::Message;
  f.body = buf_.substr(pos_, *length);
  pos_ += *length;
  return f;
}

bool Transport::write(std::string_view body) {
  std::string out = "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n";
  out.append(body);
  std::size_t done = 0;
  while (done < out.size()) {
    const ssize_t n = ::write(out_, out.data() + done, out.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) return false;
    done += static_cast<std::size_t>(n);
  }
  return true;
}

}  // namespace skillscore::lsp
