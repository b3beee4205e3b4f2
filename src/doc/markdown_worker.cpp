#include "markdown_worker.hpp"

#include <fcntl.h>
#include <malloc.h>
#include <poll.h>
#include <sys/prctl.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/uio.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <string>

#include "markdown_wire.hpp"

// Compiled with AddressSanitizer? (GCC defines the macro, clang has the feature.)
#if defined(__SANITIZE_ADDRESS__)
#define SKILLSCORE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SKILLSCORE_ASAN 1
#endif
#endif

namespace skillscore::doc::detail {
namespace {

// --- Both sides -------------------------------------------------------------

// Reads the `field`-th (0-based) number of /proc/PID/statm, in pages; 0 when
// unknown. Plain system calls: the worker runs this after a fork from a
// multi-threaded process.
std::size_t statm_pages(const char* path, int field) {
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return 0;
  char buf[128];
  const ssize_t n = ::read(fd, buf, sizeof buf - 1);
  ::close(fd);
  if (n <= 0) return 0;
  buf[n] = '\0';
  const char* p = buf;
  for (int i = 0; i < field; ++i) {
    while (*p && *p != ' ') ++p;
    while (*p == ' ') ++p;
  }
  std::size_t v = 0;
  while (*p >= '0' && *p <= '9') v = v * 10 + static_cast<std::size_t>(*p++ - '0');
  return v;
}

std::size_t page_size() { return static_cast<std::size_t>(::sysconf(_SC_PAGESIZE)); }

std::uint64_t get_u64(const char* p) {
  std::uint64_t v = 0;
  for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  return v;
}
void set_u64(char* p, std::uint64_t v) {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<char>((v >> (8 * i)) & 0xff);
}

// The protocol on the worker's socket (a SOCK_STREAM socketpair):
//   request:  u64 first_line, u64 CPU budget in microseconds, u64 body size, the body
//   answer:   u64 size, serialize(Markdown)
// The worker never answers with an error: it dies (SIGPROF over its CPU
// budget, exit 3 on an allocation failure, SIGABRT when cmark-gfm gives up),
// and the parent learns which from waitpid().
constexpr std::size_t k_request_header = 24;
constexpr std::size_t k_max_body = std::size_t{1} << 30;  // the worker's sanity bound

// --- The worker (child side) ----------------------------------------------

// Bytes read before EOF or an error (n when all were read).
std::size_t read_full(int fd, char* p, std::size_t n) {
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = ::read(fd, p + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) break;
    got += static_cast<std::size_t>(r);
  }
  return got;
}

bool write_all(int fd, const char* p, std::size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, p, n);
    if (w < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    p += w;
    n -= static_cast<std::size_t>(w);
  }
  return true;
}

// ITIMER_PROF counts this process's user + system time; 0 disarms it.
void arm_cpu_timer(std::uint64_t micros) {
  itimerval timer{};
  timer.it_value.tv_sec = static_cast<time_t>(micros / 1000000);
  timer.it_value.tv_usec = static_cast<suseconds_t>(micros % 1000000);
  ::setitimer(ITIMER_PROF, &timer, nullptr);
}

void redirect_to_devnull(int target) {
  const int devnull = ::open("/dev/null", O_RDWR | O_CLOEXEC);
  if (devnull < 0) return;
  ::dup2(devnull, target);
  ::close(devnull);
}

[[noreturn]] void run_worker(int fd, pid_t parent, std::size_t memory_bytes) {
  // Die with the thread that started us, even if it is killed; and if it
  // already died before the prctl, now.
  ::prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (::getppid() != parent) ::_exit(0);
  // Keep only stdio and our socket: another thread's worker must see EOF when
  // its thread closes its end, not when this worker exits.
  if (fd > 3) ::close_range(3, static_cast<unsigned>(fd - 1), 0);
  ::close_range(static_cast<unsigned>(fd + 1), ~0u, 0);
  // skillscore stops a batch cleanly on SIGINT/SIGTERM; the worker must not
  // die of them mid-batch (a terminal sends SIGINT to the whole group). It ends
  // on EOF on its socket, when its thread is done, or with its parent thread.
  // Our own limits kill it quietly, whatever handlers the parent installed.
  std::signal(SIGINT, SIG_IGN);
  std::signal(SIGTERM, SIG_IGN);
  for (int sig : {SIGPIPE, SIGPROF, SIGXCPU, SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE, SIGXFSZ}) {
    std::signal(sig, SIG_DFL);
  }
  sigset_t none;
  sigemptyset(&none);
  ::sigprocmask(SIG_SETMASK, &none, nullptr);
  const rlimit no_core{0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);
  // No terminal or pipe of skillscore's stays open in a long-lived worker.
  redirect_to_devnull(STDIN_FILENO);
  redirect_to_devnull(STDOUT_FILENO);
#ifndef SKILLSCORE_ASAN
  // cmark-gfm reports an allocation failure on stderr before it aborts; the
  // parent's MarkdownLimitError says it better, once. (Sanitizer builds keep
  // stderr: their reports must be seen.)
  redirect_to_devnull(STDERR_FILENO);
  // The memory budget is watched by the parent (resident memory, every few
  // milliseconds). Here only a backstop against one huge allocation: 1 GiB of
  // address space more than now (malloc reserves address space by 64 MiB
  // arenas, so a tight RLIMIT_AS would refuse benign input).
  if (memory_bytes > 0) {
    const std::size_t in_use = statm_pages("/proc/self/statm", 0) * page_size();
    if (in_use > 0) {
      const rlim_t cap = static_cast<rlim_t>(in_use + std::max<std::size_t>(memory_bytes, std::size_t{1} << 30));
      const rlimit as{cap, cap};
      ::setrlimit(RLIMIT_AS, &as);
    }
  }
#else
  (void)memory_bytes;
#endif
  while (true) {
    char header[k_request_header];
    const std::size_t got = read_full(fd, header, sizeof header);
    if (got == 0) ::_exit(0);  // the thread is done with us
    if (got < sizeof header) ::_exit(4);
    const std::uint64_t first_line = get_u64(header);
    const std::uint64_t cpu_micros = get_u64(header + 8);
    const std::uint64_t size = get_u64(header + 16);
    if (size > k_max_body) ::_exit(4);
    std::string answer;
    try {
      std::string body(static_cast<std::size_t>(size), '\0');
      if (read_full(fd, body.data(), body.size()) != body.size()) ::_exit(4);
      // The budget covers parsing and serializing this body, nothing before.
      arm_cpu_timer(cpu_micros);
      answer.assign(8, '\0');
      serialize(parse_markdown_in_process(body, static_cast<std::size_t>(first_line)), answer);
    } catch (...) {
      ::_exit(3);  // std::bad_alloc under the address-space backstop
    }
    // Disarmed before answering: a worker that has answered never dies of
    // SIGPROF afterwards, so a death always belongs to the request in flight.
    arm_cpu_timer(0);
    set_u64(answer.data(), answer.size() - 8);
    if (!write_all(fd, answer.data(), answer.size())) ::_exit(2);
    // Hand what cmark-gfm and the answer used back to the system: the parent
    // measures the next body's memory from this resident size.
    std::string().swap(answer);
    ::malloc_trim(0);
  }
}

// --- The parent side --------------------------------------------------------

std::string budget_text(const MarkdownLimits& limits) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%.2g s of CPU and %zu MiB of memory", limits.cpu_seconds,
                limits.memory_bytes >> 20);
  return buf;
}

std::string too_complex(const MarkdownLimits& limits, const std::string& why) {
  return "Markdown too complex for the AST: cmark-gfm exceeded its budget of " + budget_text(limits) + why;
}

// What a dead worker's wait status means for the request it was working on.
[[noreturn]] void throw_for_status(int status, const MarkdownLimits& limits) {
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    if (sig == SIGPROF || sig == SIGXCPU) throw MarkdownLimitError(too_complex(limits, " (CPU)"));
    if (sig == SIGABRT || sig == SIGSEGV || sig == SIGBUS || sig == SIGKILL) {
      throw MarkdownLimitError(too_complex(limits, " or crashed (signal " + std::to_string(sig) + ")"));
    }
    throw MarkdownLimitError("the Markdown parser process died (signal " + std::to_string(sig) + ")");
  }
  const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
#ifdef SKILLSCORE_ASAN
  // A sanitizer report in the worker (exit 1) must fail the run, not become
  // a per-file error that a test would accept.
  if (code == 1) {
    std::fprintf(stderr, "skillscore: the Markdown parser process failed under a sanitizer (see above)\n");
    std::abort();
  }
#endif
  if (code == 3) throw MarkdownLimitError(too_complex(limits, ""));
  if (code == 0) throw MarkdownLimitError("the Markdown parser process sent a truncated answer");
  throw MarkdownLimitError("the Markdown parser process failed (exit " + std::to_string(code) + ")");
}

std::size_t memory_budget_of(const MarkdownLimits& limits) {
#ifdef SKILLSCORE_ASAN
  return limits.memory_bytes * 4;  // shadow memory, redzones and the allocator's quarantine
#else
  return limits.memory_bytes;
#endif
}

// A worker is retired after this many bodies, or once its idle resident size
// has grown by a quarter of the memory budget over what it had after its first
// body (cmark-gfm frees everything per parse and the worker trims its heap,
// so neither should happen; a fork costs a millisecond or two).
constexpr std::size_t k_max_requests = 1000;

// The calling thread's parser process: forked on its first isolated parse,
// serving one body at a time, replaced after any failure.
class Worker {
 public:
  Worker() = default;
  Worker(const Worker&) = delete;
  Worker& operator=(const Worker&) = delete;
  ~Worker() { stop(); }

  Markdown parse(std::string_view body, std::size_t first_line, const MarkdownLimits& limits);

 private:
  struct Deadlocked {};
  Markdown parse_once(std::string_view body, std::size_t first_line, const MarkdownLimits& limits);
  enum class Outcome { answered, over_memory, timed_out, gone, oversized, bad_answer, unwatchable, deadlocked };

  void start(const MarkdownLimits& limits);
  // Stops a worker that should not take the next body; else returns its
  // resident size now, in pages.
  std::size_t retire_if_stale(const MarkdownLimits& limits);
  Outcome exchange(const char* header, std::string_view body, std::size_t rss_start, std::size_t memory_budget,
                   std::chrono::steady_clock::time_point deadline, std::string& answer);
  // Closes our end, kills the worker and reaps it.
  void stop();
  // Asleep on a lock: the worker has one thread, so nothing will release it.
  bool deadlocked() const;
  // The wait status of a worker that closed its socket: it is exiting, so it
  // is reaped within the deadline, else killed.
  int reap_dead(std::chrono::steady_clock::time_point deadline);

  pid_t pid_ = -1;
  pid_t owner_ = -1;  // the process that forked it: a fork of ours must not share it
  int fd_ = -1;
  char statm_path_[64] = {};
  std::size_t requests_ = 0;
  std::size_t rss_base_ = 0;      // pages, idle, after the first body
  std::size_t memory_bytes_ = 0;  // the budget its RLIMIT_AS was set for
};

thread_local Worker t_worker;

void Worker::start(const MarkdownLimits& limits) {
  int sv[2];
  if (::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv) != 0) {
    throw MarkdownLimitError(std::string("cannot start the Markdown parser process (socketpair: ") +
                             std::strerror(errno) + ")");
  }
  const pid_t parent = ::getpid();
  // The child gets copies of the stdio buffers: empty them first, so that no
  // text waiting in one can ever be written by two processes.
  std::fflush(nullptr);
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int e = errno;
    ::close(sv[0]);
    ::close(sv[1]);
    throw MarkdownLimitError(std::string("cannot start the Markdown parser process (fork: ") + std::strerror(e) + ")");
  }
  if (pid == 0) {
    ::close(sv[0]);
    run_worker(sv[1], parent, limits.memory_bytes);
  }
  ::close(sv[1]);
  pid_ = pid;
  owner_ = parent;
  fd_ = sv[0];
  requests_ = 0;
  rss_base_ = 0;
  memory_bytes_ = limits.memory_bytes;
  std::snprintf(statm_path_, sizeof statm_path_, "/proc/%d/statm", static_cast<int>(pid));
}

void Worker::stop() {
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  if (pid_ > 0 && owner_ == ::getpid()) {
    ::kill(pid_, SIGKILL);
    while (::waitpid(pid_, nullptr, 0) < 0 && errno == EINTR) {
    }
  }
  pid_ = -1;
}

int Worker::reap_dead(std::chrono::steady_clock::time_point deadline) {
  ::close(fd_);
  fd_ = -1;
  int status = 0;
  while (true) {
    const pid_t r = ::waitpid(pid_, &status, WNOHANG);
    if (r == pid_ || (r < 0 && errno != EINTR)) break;
    if (r == 0 && std::chrono::steady_clock::now() >= deadline) {
      ::kill(pid_, SIGKILL);
      while (::waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
      }
      break;
    }
    if (r == 0) ::usleep(200);
  }
  pid_ = -1;
  return status;
}

// fork() copies the locks of the other threads as they are: a lock another
// thread held at that moment is never released in the worker. glibc's malloc
// takes its locks around fork(), but not every allocator does (GCC 12's
// AddressSanitizer runtime does not: a worker's first free() can hang).
bool Worker::deadlocked() const {
  char path[64];
  std::snprintf(path, sizeof path, "/proc/%d/stat", static_cast<int>(pid_));
  char buf[512];
  const int fd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const ssize_t n = ::read(fd, buf, sizeof buf - 1);
  ::close(fd);
  if (n <= 0) return false;
  const std::string_view stat(buf, static_cast<std::size_t>(n));
  const auto paren = stat.rfind(')');
  if (paren == std::string_view::npos || paren + 2 >= stat.size() || stat[paren + 2] != 'S') return false;
  std::snprintf(path, sizeof path, "/proc/%d/wchan", static_cast<int>(pid_));
  const int wfd = ::open(path, O_RDONLY | O_CLOEXEC);
  if (wfd < 0) return false;
  const ssize_t w = ::read(wfd, buf, sizeof buf - 1);
  ::close(wfd);
  return w > 0 && std::string_view(buf, static_cast<std::size_t>(w)).find("futex") != std::string_view::npos;
}

std::size_t Worker::retire_if_stale(const MarkdownLimits& limits) {
  if (pid_ <= 0) return 0;
  if (owner_ != ::getpid()) {  // inherited through a fork: our parent's, not ours
    stop();
    return 0;
  }
  int status = 0;
  if (::waitpid(pid_, &status, WNOHANG) == pid_) {  // killed from outside while idle
    ::close(fd_);
    fd_ = -1;
    pid_ = -1;
    return 0;
  }
  const std::size_t rss = statm_pages(statm_path_, 1);
  if (requests_ == 1) rss_base_ = rss;
  const bool grown = rss_base_ > 0 && rss > rss_base_ + memory_budget_of(limits) / 4 / page_size();
  if (grown || requests_ >= k_max_requests || memory_bytes_ != limits.memory_bytes) {
    stop();
    return 0;
  }
  return rss;
}

// rss_start: the worker's resident size (pages) before the request; what it
// adds to it for this body is what the memory budget limits.
Worker::Outcome Worker::exchange(const char* header, std::string_view body, std::size_t rss_start,
                                 std::size_t memory_budget, std::chrono::steady_clock::time_point deadline,
                                 std::string& answer) {
  using clock = std::chrono::steady_clock;
  constexpr auto k_memory_period = std::chrono::milliseconds(5);
  auto next_memory_check = clock::now() + k_memory_period;
  const std::size_t to_send = k_request_header + body.size();
  std::size_t sent = 0;
  std::size_t expected = 0;  // the answer's size with its prefix, once known
  char buf[65536];
  while (true) {
    if (sent < to_send) {
      iovec iov[2];
      int parts = 0;
      if (sent < k_request_header) iov[parts++] = {const_cast<char*>(header) + sent, k_request_header - sent};
      const std::size_t body_sent = sent > k_request_header ? sent - k_request_header : 0;
      if (body_sent < body.size()) {
        iov[parts++] = {const_cast<char*>(body.data()) + body_sent, body.size() - body_sent};
      }
      msghdr msg{};
      msg.msg_iov = iov;
      msg.msg_iovlen = static_cast<std::size_t>(parts);
      // MSG_NOSIGNAL: a dead worker is an EPIPE here, never a SIGPIPE.
      const ssize_t w = ::sendmsg(fd_, &msg, MSG_NOSIGNAL | MSG_DONTWAIT);
      if (w >= 0) {
        sent += static_cast<std::size_t>(w);
      } else if (errno != EAGAIN && errno != EWOULDBLOCK && errno != EINTR) {
        return Outcome::gone;
      }
    }
    auto now = clock::now();
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - now);
    if (left.count() <= 0) return Outcome::timed_out;
    pollfd p{fd_, static_cast<short>(POLLIN | (sent < to_send ? POLLOUT : 0)), 0};
    const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), k_memory_period.count())));
    if (r < 0 && errno != EINTR) return Outcome::unwatchable;  // poll itself failed
    // Every 5 ms, not at every wakeup: most bodies are answered before the first look.
    if (memory_budget > 0 && rss_start > 0 && (now = clock::now()) >= next_memory_check) {
      next_memory_check = now + k_memory_period;
      const std::size_t rss = statm_pages(statm_path_, 1);
      if (rss > rss_start && (rss - rss_start) * page_size() > memory_budget) return Outcome::over_memory;
      // Sent everything, no answer yet, and asleep on a lock: it will never answer.
      if (sent == to_send && expected == 0 && deadlocked()) return Outcome::deadlocked;
    }
    if (r <= 0 || (p.revents & (POLLIN | POLLHUP | POLLERR)) == 0) continue;
    const ssize_t n = ::recv(fd_, buf, sizeof buf, MSG_DONTWAIT);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN || errno == EWOULDBLOCK) continue;
      return Outcome::gone;
    }
    if (n == 0) return Outcome::gone;  // the worker died (its socket closes only then)
    answer.append(buf, static_cast<std::size_t>(n));
    if (expected == 0 && answer.size() >= 8) {
      // The worker built the whole answer in its memory first: one larger than
      // the memory budget cannot have been made within it.
      const std::uint64_t size = get_u64(answer.data());
      if (memory_budget > 0 && size > memory_budget) return Outcome::oversized;
      expected = 8 + static_cast<std::size_t>(size);
    }
    if (expected != 0 && answer.size() >= expected) {
      // Nothing may come before the whole request is sent, nor after the answer.
      return answer.size() == expected && sent == to_send ? Outcome::answered : Outcome::bad_answer;
    }
  }
}

Markdown Worker::parse(std::string_view body, std::size_t first_line, const MarkdownLimits& limits) {
  for (int attempt = 0;; ++attempt) {
    try {
      return parse_once(body, first_line, limits);
    } catch (const Deadlocked&) {
      // A fresh worker forked while another thread held a lock: one more
      // fork, at another moment, is all it takes.
      if (attempt == 1) throw MarkdownLimitError("the Markdown parser process deadlocked after its fork (twice)");
    }
  }
}

Markdown Worker::parse_once(std::string_view body, std::size_t first_line, const MarkdownLimits& limits) {
  std::size_t rss_start = retire_if_stale(limits);
  if (pid_ <= 0) {
    start(limits);
    // Right after the fork: the parent's pages, shared, counted as resident.
    rss_start = statm_pages(statm_path_, 1);
  }
  const std::size_t memory_budget = memory_budget_of(limits);
  const double cpu = limits.cpu_seconds > 0 ? limits.cpu_seconds : 3600.0;
  char header[k_request_header];
  set_u64(header, first_line);
  set_u64(header + 8, std::max<std::uint64_t>(static_cast<std::uint64_t>(cpu * 1e6), 1000));
  set_u64(header + 16, body.size());
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long long>(limits.wall_seconds * 1000.0));
  std::string answer;
  const Outcome outcome = exchange(header, body, rss_start, memory_budget, deadline, answer);
  switch (outcome) {
    case Outcome::answered: break;
    case Outcome::gone: throw_for_status(reap_dead(deadline + std::chrono::seconds(1)), limits);
    case Outcome::over_memory: stop(); throw MarkdownLimitError(too_complex(limits, " (memory)"));
    case Outcome::oversized: stop(); throw MarkdownLimitError(too_complex(limits, " (memory)"));
    case Outcome::timed_out:
      stop();
      throw MarkdownLimitError("Markdown too complex for the AST: cmark-gfm did not finish within " +
                               std::to_string(static_cast<int>(limits.wall_seconds)) + " s (wall clock)");
    case Outcome::deadlocked: stop(); throw Deadlocked{};
    case Outcome::bad_answer: stop(); throw MarkdownLimitError("the Markdown parser process sent a bad answer");
    case Outcome::unwatchable: {
      const int e = errno;
      stop();
      throw MarkdownLimitError(std::string("the Markdown parser process could not be watched (poll: ") +
                               std::strerror(e) + ")");
    }
  }
  ++requests_;
  try {
    return deserialize(std::string_view(answer).substr(8));
  } catch (const MarkdownLimitError&) {
    stop();  // it spoke out of protocol: do not trust it with the next body
    throw;
  }
}

}  // namespace

Markdown parse_isolated(std::string_view body, std::size_t first_line, const MarkdownLimits& limits) {
  return t_worker.parse(body, first_line, limits);
}

}  // namespace skillscore::doc::detail
