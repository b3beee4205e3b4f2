#include "skillscore/doc/markdown.hpp"

#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>
#include <fcntl.h>
#include <poll.h>
#include <sys/resource.h>
#include <sys/time.h>
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

// Compiled with AddressSanitizer? (GCC defines the macro, clang has the feature.)
#if defined(__SANITIZE_ADDRESS__)
#define SKILLSCORE_ASAN 1
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
#define SKILLSCORE_ASAN 1
#endif
#endif

namespace skillscore::doc {
namespace {

struct ParserDeleter {
  void operator()(cmark_parser* p) const { cmark_parser_free(p); }
};
struct NodeDeleter {
  void operator()(cmark_node* n) const { cmark_node_free(n); }
};
struct IterDeleter {
  void operator()(cmark_iter* i) const { cmark_iter_free(i); }
};

// Plain text of a node's inline content: text and code spans, breaks as
// spaces. Iterative: emphasis can nest as deep as the input is long.
void collect_text(cmark_node* node, std::string& out) {
  std::unique_ptr<cmark_iter, IterDeleter> it(cmark_iter_new(node));
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it.get())) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* c = cmark_iter_get_node(it.get());
    if (c == node) continue;
    switch (cmark_node_get_type(c)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE:
        if (const char* lit = cmark_node_get_literal(c)) out += lit;
        break;
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: out += ' '; break;
      default: break;
    }
  }
}

std::string first_word(std::string_view info) {
  const auto start = info.find_first_not_of(" \t");
  if (start == std::string_view::npos) return {};
  const auto end = info.find_first_of(" \t", start);
  return std::string(info.substr(start, end == std::string_view::npos ? std::string_view::npos : end - start));
}

MarkdownLimits& limits_storage() {
  static MarkdownLimits limits;
  return limits;
}

// --- The child's answer: a flat binary record on a pipe ----------------------

void put_u64(std::string& out, std::uint64_t v) {
  char b[8];
  for (int i = 0; i < 8; ++i) b[i] = static_cast<char>((v >> (8 * i)) & 0xff);
  out.append(b, 8);
}
void put_str(std::string& out, const std::string& s) {
  put_u64(out, s.size());
  out += s;
}

std::string serialize(const Markdown& md) {
  std::string out;
  put_u64(out, md.headings.size());
  for (const auto& h : md.headings) {
    put_u64(out, static_cast<std::uint64_t>(h.level));
    put_str(out, h.text);
    put_u64(out, h.line);
  }
  put_u64(out, md.code_blocks.size());
  for (const auto& b : md.code_blocks) {
    put_u64(out, b.fenced ? 1 : 0);
    put_str(out, b.info);
    put_str(out, b.language);
    put_str(out, b.literal);
    put_u64(out, b.line);
    put_u64(out, b.end_line);
  }
  put_u64(out, md.links.size());
  for (const auto& l : md.links) {
    put_str(out, l.url);
    put_u64(out, l.image ? 1 : 0);
    put_u64(out, l.line);
  }
  return out;
}

class Reader {
 public:
  explicit Reader(std::string_view data) : data_(data) {}
  std::uint64_t u64() {
    if (data_.size() - pos_ < 8) throw MarkdownLimitError("the Markdown parser process sent a truncated answer");
    std::uint64_t v = 0;
    for (int i = 0; i < 8; ++i) v |= static_cast<std::uint64_t>(static_cast<unsigned char>(data_[pos_ + i])) << (8 * i);
    pos_ += 8;
    return v;
  }
  std::string str() {
    const std::uint64_t n = u64();
    if (n > data_.size() - pos_) throw MarkdownLimitError("the Markdown parser process sent a truncated answer");
    std::string s(data_.substr(pos_, n));
    pos_ += n;
    return s;
  }
  // A count of records of at least `min_size` bytes each: bounded by what is left.
  std::size_t count(std::size_t min_size) {
    const std::uint64_t n = u64();
    if (n > (data_.size() - pos_) / min_size) throw MarkdownLimitError("the Markdown parser process sent a bad answer");
    return static_cast<std::size_t>(n);
  }
  bool done() const { return pos_ == data_.size(); }

 private:
  std::string_view data_;
  std::size_t pos_ = 0;
};

Markdown deserialize(std::string_view data) {
  Reader r(data);
  Markdown md;
  md.headings.resize(r.count(24));
  for (auto& h : md.headings) {
    h.level = static_cast<int>(r.u64());
    h.text = r.str();
    h.line = r.u64();
  }
  md.code_blocks.resize(r.count(48));
  for (auto& b : md.code_blocks) {
    b.fenced = r.u64() != 0;
    b.info = r.str();
    b.language = r.str();
    b.literal = r.str();
    b.line = r.u64();
    b.end_line = r.u64();
  }
  md.links.resize(r.count(24));
  for (auto& l : md.links) {
    l.url = r.str();
    l.image = r.u64() != 0;
    l.line = r.u64();
  }
  if (!r.done()) throw MarkdownLimitError("the Markdown parser process sent a bad answer");
  return md;
}

// --- The child --------------------------------------------------------------

// Reads the first number of a /proc file and the `field`-th (0-based) of
// /proc/PID/statm, in pages; 0 when unknown. Plain system calls: the child
// runs this after a fork from a multi-threaded process.
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

[[noreturn]] void run_child(int fd, std::string_view body, std::size_t first_line, const MarkdownLimits& limits) {
  // Keep only stdio and our pipe: another thread's parser child must see EOF
  // on its pipe when that child exits, not when this one does.
  if (fd > 3) ::close_range(3, static_cast<unsigned>(fd - 1), 0);
  ::close_range(static_cast<unsigned>(fd + 1), ~0u, 0);
  // Die of our own limits quietly, whatever handlers the parent installed.
  for (int sig : {SIGINT, SIGTERM, SIGPIPE, SIGPROF, SIGXCPU, SIGSEGV, SIGBUS, SIGABRT, SIGILL, SIGFPE}) {
    std::signal(sig, SIG_DFL);
  }
  const rlimit no_core{0, 0};
  ::setrlimit(RLIMIT_CORE, &no_core);
#ifndef SKILLSCORE_ASAN
  // cmark-gfm reports an allocation failure on stderr before it aborts; the
  // parent's MarkdownLimitError says it better, once. (Sanitizer builds keep
  // stderr: their reports must be seen.)
  const int devnull = ::open("/dev/null", O_WRONLY | O_CLOEXEC);
  if (devnull >= 0) {
    ::dup2(devnull, STDERR_FILENO);
    ::close(devnull);
  }
  // The memory budget is watched by the parent (resident memory, every few
  // milliseconds). Here only a backstop against one huge allocation: 1 GiB of
  // address space more than now (malloc reserves address space by 64 MiB
  // arenas, so a tight RLIMIT_AS would refuse benign input).
  if (limits.memory_bytes > 0) {
    const std::size_t in_use = statm_pages("/proc/self/statm", 0) * page_size();
    if (in_use > 0) {
      const rlim_t cap = static_cast<rlim_t>(in_use + std::max<std::size_t>(limits.memory_bytes, std::size_t{1} << 30));
      const rlimit as{cap, cap};
      ::setrlimit(RLIMIT_AS, &as);
    }
  }
#endif
  // CPU budget: SIGPROF (user + system time of this process) ends it.
  const double cpu = limits.cpu_seconds > 0 ? limits.cpu_seconds : 3600.0;
  itimerval timer{};
  timer.it_value.tv_sec = static_cast<time_t>(cpu);
  timer.it_value.tv_usec = static_cast<suseconds_t>((cpu - static_cast<double>(timer.it_value.tv_sec)) * 1e6);
  if (timer.it_value.tv_sec == 0 && timer.it_value.tv_usec == 0) timer.it_value.tv_usec = 1000;
  ::setitimer(ITIMER_PROF, &timer, nullptr);
  int code = 0;
  try {
    const std::string out = serialize(parse_markdown_in_process(body, first_line));
    if (!write_all(fd, out.data(), out.size())) code = 2;
  } catch (...) {
    code = 3;  // std::bad_alloc under the memory budget
  }
  ::close(fd);
  ::_exit(code);
}

std::string budget_text(const MarkdownLimits& limits) {
  char buf[160];
  std::snprintf(buf, sizeof buf, "%.2g s of CPU and %zu MiB of memory", limits.cpu_seconds,
                limits.memory_bytes >> 20);
  return buf;
}

// --- The parent -------------------------------------------------------------

Markdown parse_isolated(std::string_view body, std::size_t first_line, const MarkdownLimits& limits) {
  int fds[2];
  if (::pipe2(fds, O_CLOEXEC) != 0) {
    throw MarkdownLimitError(std::string("cannot start the Markdown parser process (pipe: ") + std::strerror(errno) + ")");
  }
  const pid_t pid = ::fork();
  if (pid < 0) {
    const int e = errno;
    ::close(fds[0]);
    ::close(fds[1]);
    throw MarkdownLimitError(std::string("cannot start the Markdown parser process (fork: ") + std::strerror(e) + ")");
  }
  if (pid == 0) {
    ::close(fds[0]);
    run_child(fds[1], body, first_line, limits);
  }
  ::close(fds[1]);
  std::string data;
  bool timed_out = false, over_memory = false;
  // The child's resident memory right after the fork is the parent's (shared
  // pages); what it adds beyond that is what the budget limits.
  char statm_path[64];
  std::snprintf(statm_path, sizeof statm_path, "/proc/%d/statm", static_cast<int>(pid));
  const std::size_t rss_start = statm_pages(statm_path, 1);
#ifdef SKILLSCORE_ASAN
  const std::size_t memory_budget = limits.memory_bytes * 4;  // shadow memory and redzones
#else
  const std::size_t memory_budget = limits.memory_bytes;
#endif
  const auto deadline = std::chrono::steady_clock::now() +
                        std::chrono::milliseconds(static_cast<long long>(limits.wall_seconds * 1000.0));
  char buf[65536];
  while (true) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      timed_out = true;
      break;
    }
    pollfd p{fds[0], POLLIN, 0};
    const int r = ::poll(&p, 1, static_cast<int>(std::min<long long>(left.count(), 5)));
    if (r < 0 && errno != EINTR) break;
    if (memory_budget > 0 && rss_start > 0) {
      const std::size_t rss = statm_pages(statm_path, 1);
      if (rss > rss_start && (rss - rss_start) * page_size() > memory_budget) {
        over_memory = true;
        break;
      }
    }
    if (r <= 0) continue;
    const ssize_t n = ::read(fds[0], buf, sizeof buf);
    if (n < 0) {
      if (errno == EINTR || errno == EAGAIN) continue;
      break;
    }
    if (n == 0) break;  // the child closed its end: done (or dead)
    data.append(buf, static_cast<std::size_t>(n));
  }
  ::close(fds[0]);
  if (timed_out || over_memory) ::kill(pid, SIGKILL);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (over_memory) {
    throw MarkdownLimitError("Markdown too complex for the AST: cmark-gfm exceeded its budget of " +
                             budget_text(limits) + " (memory)");
  }
  if (timed_out) {
    throw MarkdownLimitError("Markdown too complex for the AST: cmark-gfm did not finish within " +
                             std::to_string(static_cast<int>(limits.wall_seconds)) + " s (wall clock)");
  }
  if (WIFSIGNALED(status)) {
    const int sig = WTERMSIG(status);
    if (sig == SIGPROF || sig == SIGXCPU) {
      throw MarkdownLimitError("Markdown too complex for the AST: cmark-gfm exceeded its budget of " +
                               budget_text(limits) + " (CPU)");
    }
    if (sig == SIGABRT || sig == SIGSEGV || sig == SIGBUS || sig == SIGKILL) {
      throw MarkdownLimitError("Markdown too complex for the AST: cmark-gfm exceeded its budget of " +
                               budget_text(limits) + " or crashed (signal " + std::to_string(sig) + ")");
    }
    throw MarkdownLimitError("the Markdown parser process died (signal " + std::to_string(sig) + ")");
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
    const int code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
#ifdef SKILLSCORE_ASAN
    // A sanitizer report in the child (exit 1) must fail the run, not become
    // a per-file error that a test would accept.
    if (code == 1) {
      std::fprintf(stderr, "skillscore: the Markdown parser process failed under a sanitizer (see above)\n");
      std::abort();
    }
#endif
    if (code == 3) {
      throw MarkdownLimitError("Markdown too complex for the AST: cmark-gfm exceeded its budget of " +
                               budget_text(limits));
    }
    throw MarkdownLimitError("the Markdown parser process failed (exit " + std::to_string(code) + ")");
  }
  return deserialize(data);
}

}  // namespace

const MarkdownLimits& markdown_limits() { return limits_storage(); }
void set_markdown_limits(const MarkdownLimits& limits) { limits_storage() = limits; }

void register_markdown_extensions() { cmark_gfm_core_extensions_ensure_registered(); }

Markdown parse_markdown_in_process(std::string_view body, std::size_t first_line) {
  Markdown md;
  // No extension is attached. The model reads headings, code blocks and links:
  // the table extension adds nothing to them and has a cell blow-up
  // (CVE-2023-37463); the autolink extension only adds bare-URL links, which no
  // metric reads, and has an out-of-bounds read (CVE-2023-22485) and its own
  // quadratic inputs (CVE-2022-39209). `<https://...>` autolinks are CommonMark
  // core and still parsed.
  std::unique_ptr<cmark_parser, ParserDeleter> parser(cmark_parser_new(CMARK_OPT_DEFAULT));
  cmark_parser_feed(parser.get(), body.data(), body.size());
  std::unique_ptr<cmark_node, NodeDeleter> root(cmark_parser_finish(parser.get()));
  std::unique_ptr<cmark_iter, IterDeleter> iter(cmark_iter_new(root.get()));
  const std::size_t offset = first_line - 1;
  cmark_event_type ev;
  while ((ev = cmark_iter_next(iter.get())) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* node = cmark_iter_get_node(iter.get());
    const std::size_t line = offset + static_cast<std::size_t>(cmark_node_get_start_line(node));
    switch (cmark_node_get_type(node)) {
      case CMARK_NODE_HEADING: {
        Heading h;
        h.level = cmark_node_get_heading_level(node);
        collect_text(node, h.text);
        h.line = line;
        md.headings.push_back(std::move(h));
        break;
      }
      case CMARK_NODE_CODE_BLOCK: {
        CodeBlock b;
        int fence_length = 0, fence_offset = 0;
        char fence_char = 0;  // cmark-gfm writes through all three pointers
        b.fenced = cmark_node_get_fenced(node, &fence_length, &fence_offset, &fence_char) != 0;
        if (const char* info = cmark_node_get_fence_info(node)) b.info = info;
        b.language = first_word(b.info);
        if (const char* lit = cmark_node_get_literal(node)) b.literal = lit;
        b.line = line;
        b.end_line = offset + static_cast<std::size_t>(cmark_node_get_end_line(node));
        md.code_blocks.push_back(std::move(b));
        break;
      }
      case CMARK_NODE_LINK:
      case CMARK_NODE_IMAGE: {
        Link l;
        if (const char* url = cmark_node_get_url(node)) l.url = url;
        l.image = cmark_node_get_type(node) == CMARK_NODE_IMAGE;
        l.line = line;
        md.links.push_back(std::move(l));
        break;
      }
      default: break;
    }
  }
  return md;
}

Markdown parse_markdown(std::string_view body, std::size_t first_line, const MarkdownLimits& limits) {
  if (limits.isolate && limits.max_bytes > 0 && body.size() > limits.max_bytes) {
    throw MarkdownLimitError("Markdown body too large for the AST: " + std::to_string(body.size()) +
                             " bytes, above the " + std::to_string(limits.max_bytes >> 10) +
                             " KiB that cmark-gfm may parse from untrusted input (see docs/robustness.md)");
  }
  if (!limits.isolate || body.size() <= limits.in_process_max_bytes) return parse_markdown_in_process(body, first_line);
  return parse_isolated(body, first_line, limits);
}

Markdown parse_markdown(std::string_view body, std::size_t first_line) {
  return parse_markdown(body, first_line, markdown_limits());
}

}  // namespace skillscore::doc
