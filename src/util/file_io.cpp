#include "skillscore/util/file_io.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>

namespace skillscore::util {
namespace {

std::string errno_text(int err) { return std::strerror(err); }

class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  int release() {
    int fd = fd_;
    fd_ = -1;
    return fd;
  }

 private:
  int fd_;
};

}  // namespace

ReadResult read_file(const std::filesystem::path& path, std::uintmax_t max_bytes, std::string buffer) {
  ReadResult r;
  buffer.clear();
  r.data = std::move(buffer);
  // O_NONBLOCK so that opening a FIFO never waits for a writer.
  Fd fd(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK));
  if (fd.get() < 0) {
    r.error = "cannot open: " + errno_text(errno);
    return r;
  }
  struct stat st {};
  if (::fstat(fd.get(), &st) != 0) {
    r.error = "cannot stat: " + errno_text(errno);
    return r;
  }
  if (S_ISDIR(st.st_mode)) {
    r.error = "is a directory";
    return r;
  }
  if (!S_ISREG(st.st_mode)) {
    r.error = "not a regular file";
    return r;
  }
  if (static_cast<std::uintmax_t>(st.st_size) > max_bytes) {
    r.error = "file is " + std::to_string(st.st_size) + " bytes, above the limit of " +
              std::to_string(max_bytes) + " (--max-file-size)";
    return r;
  }
  // One byte more than fstat says: the first read then fills it only if the
  // file grew, and the next returns 0 at the end, so the buffer of a file
  // that did not change is neither grown (zeroed) nor copied.
  r.data.resize(static_cast<std::size_t>(st.st_size) + 1);
  std::size_t got = 0;
  while (true) {
    if (got == r.data.size()) {
      // The file may have grown since fstat: read what is there, within the limit.
      if (r.data.size() >= max_bytes + 1) break;
      r.data.resize(std::min<std::uintmax_t>(r.data.size() * 2 + 4096, max_bytes + 1));
    }
    const ssize_t n = ::read(fd.get(), r.data.data() + got, r.data.size() - got);
    if (n < 0) {
      if (errno == EINTR) continue;
      r.error = "read failed: " + errno_text(errno);
      return r;
    }
    if (n == 0) break;
    got += static_cast<std::size_t>(n);
  }
  r.data.resize(got);
  if (got > max_bytes) {
    r.error = "file grew above the limit of " + std::to_string(max_bytes) + " bytes while being read";
    r.data.clear();
    return r;
  }
  r.ok = true;
  return r;
}

std::string write_file_atomic(const std::filesystem::path& path, std::string_view content) {
  static std::atomic<unsigned> counter{0};
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  const std::string tmp_name = "." + path.filename().string() + ".tmp." +
                               std::to_string(::getpid()) + "." + std::to_string(counter++);
  const std::filesystem::path tmp = dir / tmp_name;
  Fd fd(::open(tmp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644));
  if (fd.get() < 0) return "cannot create " + tmp.string() + ": " + errno_text(errno);
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd.get(), content.data() + done, content.size() - done);
    if (n < 0) {
      if (errno == EINTR) continue;
      const int err = errno;
      ::unlink(tmp.c_str());
      return "cannot write " + tmp.string() + ": " + errno_text(err);
    }
    done += static_cast<std::size_t>(n);
  }
  if (::fsync(fd.get()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return "cannot sync " + tmp.string() + ": " + errno_text(err);
  }
  if (::close(fd.release()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return "cannot close " + tmp.string() + ": " + errno_text(err);
  }
  if (::rename(tmp.c_str(), path.c_str()) != 0) {
    const int err = errno;
    ::unlink(tmp.c_str());
    return "cannot rename " + tmp.string() + " to " + path.string() + ": " + errno_text(err);
  }
  return {};
}

std::string normalize_newlines(std::string_view bytes) {
  std::string out;
  out.reserve(bytes.size());
  // Copy the runs between carriage returns whole (most texts have none).
  std::size_t i = 0;
  while (i < bytes.size()) {
    const void* cr = std::memchr(bytes.data() + i, '\r', bytes.size() - i);
    const std::size_t at = cr ? static_cast<std::size_t>(static_cast<const char*>(cr) - bytes.data()) : bytes.size();
    out.append(bytes.substr(i, at - i));
    if (at == bytes.size()) break;
    out += '\n';
    i = at + 1;
    if (i < bytes.size() && bytes[i] == '\n') ++i;
  }
  return out;
}

void normalize_newlines_in_place(std::string& text) {
  const void* first = std::memchr(text.data(), '\r', text.size());
  if (!first) return;
  // Runs between carriage returns move down over the bytes dropped so far.
  char* const base = text.data();
  const std::size_t size = text.size();
  std::size_t out = static_cast<std::size_t>(static_cast<const char*>(first) - base);
  std::size_t i = out;
  while (i < size) {
    // base[i] is a carriage return.
    base[out++] = '\n';
    ++i;
    if (i < size && base[i] == '\n') ++i;
    const void* cr = std::memchr(base + i, '\r', size - i);
    const std::size_t at = cr ? static_cast<std::size_t>(static_cast<const char*>(cr) - base) : size;
    if (out != i) std::memmove(base + out, base + i, at - i);
    out += at - i;
    i = at;
  }
  text.resize(out);
}

}  // namespace skillscore::util
