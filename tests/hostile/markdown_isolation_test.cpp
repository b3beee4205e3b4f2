// ctest `markdown_isolation`: parse_markdown's budgeted parser process, one per
// calling thread (src/doc/markdown.cpp), gives exactly what the in-process
// parser gives, turns pathological Markdown into a MarkdownLimitError within
// its budget, is replaced after a failure, and leaves no child process behind.
// Plain asserts, no framework: prints one line per check, exits 1 on failure.
#include <dirent.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "skillscore/doc/markdown.hpp"

using namespace skillscore::doc;

namespace {

int failures = 0;

void check(bool ok, const std::string& what) {
  std::printf("%s %s\n", ok ? "ok  " : "FAIL", what.c_str());
  if (!ok) ++failures;
}

bool same(const Markdown& a, const Markdown& b) {
  if (a.headings.size() != b.headings.size() || a.code_blocks.size() != b.code_blocks.size() ||
      a.links.size() != b.links.size()) {
    return false;
  }
  for (std::size_t i = 0; i < a.headings.size(); ++i) {
    const auto &x = a.headings[i], &y = b.headings[i];
    if (x.level != y.level || x.text != y.text || x.line != y.line) return false;
  }
  for (std::size_t i = 0; i < a.code_blocks.size(); ++i) {
    const auto &x = a.code_blocks[i], &y = b.code_blocks[i];
    if (x.fenced != y.fenced || x.info != y.info || x.language != y.language || x.literal != y.literal ||
        x.line != y.line || x.end_line != y.end_line) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.links.size(); ++i) {
    const auto &x = a.links[i], &y = b.links[i];
    if (x.url != y.url || x.image != y.image || x.line != y.line) return false;
  }
  return true;
}

std::string repeat(const std::string& unit, std::size_t total) {
  std::string s;
  s.reserve(total + unit.size());
  while (s.size() + unit.size() <= total) s += unit;
  return s;
}

const std::string k_unit =
    "## Section *one* `code`\n\nProse with a [link](references/a.md), ![img](i.png) and <https://x.y/z>.\n\n"
    "- item\n  - nested\n\n```python title\ndef f():\n    return 1\n```\n\n    indented code\n\n"
    "> quote\n> ```sh\n> ls\n> ```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\nSetext\n------\n\n~~~\nunclosed at the end\n";

// Runs f and returns the MarkdownLimitError message, or "" when it did not throw.
template <typename F>
std::string limit_error(F&& f) {
  try {
    f();
  } catch (const MarkdownLimitError& e) {
    return e.what();
  }
  return {};
}

struct Child {
  int pid = 0;
  char state = '?';
};

// This process's child processes, from /proc (state 'Z': a zombie).
std::vector<Child> children() {
  std::vector<Child> out;
  DIR* dir = opendir("/proc");
  if (!dir) return out;
  while (const dirent* e = readdir(dir)) {
    const int pid = std::atoi(e->d_name);
    if (pid <= 0) continue;
    std::ifstream f("/proc/" + std::string(e->d_name) + "/stat");
    std::stringstream ss;
    ss << f.rdbuf();
    const std::string stat = ss.str();
    const auto close = stat.rfind(')');  // the command name may hold spaces
    if (close == std::string::npos || close + 4 >= stat.size()) continue;
    std::istringstream rest(stat.substr(close + 2));
    char state = '?';
    int ppid = 0;
    rest >> state >> ppid;
    if (ppid == getpid()) out.push_back({pid, state});
  }
  closedir(dir);
  return out;
}

std::string describe(const std::vector<Child>& cs) {
  std::string s = std::to_string(cs.size()) + " child(ren)";
  for (const auto& c : cs) s += " " + std::to_string(c.pid) + ":" + c.state;
  return s;
}

bool one_live_child() {
  const auto cs = children();
  return cs.size() == 1 && cs[0].state != 'Z';
}

// Bodies of different sizes and shapes, all above the in-process threshold.
std::vector<std::string> benign_bodies() {
  return {repeat(k_unit, 5 * 1024), repeat(k_unit, 64 * 1024), repeat("# Title\n\nplain prose line\n", 9000),
          repeat("[a](b) <https://c.d/e> ![f](g)\n", 20 * 1024), repeat("```\ncode\n```\n", 12 * 1024),
          std::string(8 * 1024, 'x')};
}

}  // namespace

int main() {
  register_markdown_extensions();
  MarkdownLimits limits;  // the defaults

  // 1. A benign body well above the in-process threshold: the child's answer
  //    is the in-process answer, field for field.
  const std::string benign = repeat(k_unit, 256 * 1024);
  const Markdown direct = parse_markdown_in_process(benign, 7);
  const Markdown isolated = parse_markdown(benign, 7, limits);
  check(!direct.headings.empty() && !direct.code_blocks.empty() && !direct.links.empty(), "benign body has structure");
  check(same(direct, isolated), "child process answer == in-process answer (256 KiB)");

  // 2. Small bodies stay in process and still agree.
  const std::string small = k_unit;
  check(same(parse_markdown_in_process(small, 1), parse_markdown(small, 1, limits)), "small body, same answer");

  // 3. Over the size limit: refused at once.
  const auto t0 = std::chrono::steady_clock::now();
  const std::string big(limits.max_bytes + 1, 'a');
  const std::string e1 = limit_error([&] { parse_markdown(big, 1, limits); });
  const double s1 = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  check(e1.find("too large") != std::string::npos, "over max_bytes: " + e1);
  check(s1 < 0.5, "refused quickly");

  // 4. CVE-2023-22486 (`![[]()` repeated), 1 MiB: quadratic in cmark-gfm
  //    0.29.0.gfm.6; the budget ends it.
  const std::string bomb = repeat("![[]()", 1 << 20);
  const auto t1 = std::chrono::steady_clock::now();
  const std::string e2 = limit_error([&] { parse_markdown(bomb, 1, limits); });
  const double s2 = std::chrono::duration<double>(std::chrono::steady_clock::now() - t1).count();
  check(e2.find("too complex") != std::string::npos, "pathological body: " + e2);
  check(s2 < limits.wall_seconds, "ended by the budget, in " + std::to_string(s2) + " s");

  // 5. Memory: 1 MiB of `[` makes cmark-gfm allocate far more than 64 MiB.
  //    (No address-space limit under AddressSanitizer: nothing to check there.)
#if !defined(__SANITIZE_ADDRESS__)
  const std::string brackets(1 << 20, '[');
  const std::string e3 = limit_error([&] { parse_markdown(brackets, 1, limits); });
  check(!e3.empty(), "memory-hungry body: " + (e3.empty() ? std::string("no error") : e3));
#endif

  // 6. Without isolation, the same call parses in process (fuzzers, benchmarks).
  MarkdownLimits open = limits;
  open.isolate = false;
  check(same(parse_markdown(benign, 7, open), direct), "isolate=false parses in process");

  // 7. Deeply nested emphasis in a heading: collected without recursion.
  const std::string deep = "# " + std::string(100000, '*') + "a" + std::string(100000, '*') + "\n";
  const Markdown d = parse_markdown_in_process(deep, 1);
  check(d.headings.size() == 1 && d.headings[0].text.find('a') != std::string::npos, "deep emphasis heading");

  // 8. Several bodies through the one worker of this thread: each answer is
  //    the in-process answer, and there is one worker process, alive.
  {
    bool all_same = true;
    std::size_t line = 1;
    for (const auto& body : benign_bodies()) {
      all_same = all_same && same(parse_markdown_in_process(body, line), parse_markdown(body, line, limits));
      line += 3;
    }
    check(all_same, "several bodies through one worker, same answers");
    check(one_live_child(), "one worker for this thread: " + describe(children()));
  }

  // 9. After a budget breach the thread's next body gets a fresh worker.
  {
    const std::string e = limit_error([&] { parse_markdown(bomb, 1, limits); });
    check(e.find("(CPU)") != std::string::npos, "CPU budget, again: " + e);
    check(same(parse_markdown(benign, 7, limits), direct), "next body after a breach parses (worker replaced)");
    check(one_live_child(), "the killed worker was reaped: " + describe(children()));
  }

  // 10. A worker killed from outside while idle: at most the next body fails
  //     (never a SIGPIPE in this process), and the one after it parses.
  {
    const auto before = children();
    if (before.size() == 1) kill(before[0].pid, SIGKILL);
    const std::string e = limit_error([&] { parse_markdown(benign, 7, limits); });
    check(e.empty() || e.find("signal 9") != std::string::npos, "body sent to a killed worker: " + (e.empty() ? "parsed" : e));
    check(same(parse_markdown(benign, 7, limits), direct), "next body after an outside kill parses");
    check(one_live_child(), "still one live worker: " + describe(children()));
  }

  // 11. Many bodies: the worker is replaced now and then, answers stay right.
  {
    const std::string body = repeat(k_unit, 5 * 1024);
    const Markdown expect = parse_markdown_in_process(body, 1);
    bool all_same = true;
    for (int i = 0; i < 1200 && all_same; ++i) all_same = same(parse_markdown(body, 1, limits), expect);
    check(all_same, "1200 bodies through this thread's worker(s)");
    check(one_live_child(), "after 1200 bodies: " + describe(children()));
  }

  // 12. Several threads at once, each with its own worker, each with a
  //     breach in the middle; all reaped when the threads end.
  {
    const auto bodies = benign_bodies();
    std::vector<Markdown> expect;
    for (const auto& b : bodies) expect.push_back(parse_markdown_in_process(b, 2));
    std::atomic<int> wrong{0}, breaches{0};
    std::atomic<int> max_children{0};
    std::vector<std::thread> threads;
    for (int t = 0; t < 4; ++t) {
      threads.emplace_back([&, t] {
        for (int round = 0; round < 3; ++round) {
          for (std::size_t i = 0; i < bodies.size(); ++i) {
            if (!same(parse_markdown(bodies[(i + t) % bodies.size()], 2, limits), expect[(i + t) % bodies.size()])) {
              ++wrong;
            }
          }
          if (round == 1) {
            const std::string e = limit_error([&] { parse_markdown(std::string(1 << 20, '['), 1, limits); });
            if (!e.empty()) ++breaches;
          }
          const int n = static_cast<int>(children().size());
          int seen = max_children.load();
          while (n > seen && !max_children.compare_exchange_weak(seen, n)) {
          }
        }
      });
    }
    for (auto& th : threads) th.join();
    check(wrong == 0, "4 threads: every answer == in-process answer (" + std::to_string(wrong.load()) + " wrong)");
#if !defined(__SANITIZE_ADDRESS__)
    check(breaches == 4, "4 threads: each memory breach reported (" + std::to_string(breaches.load()) + ")");
#endif
    check(max_children >= 3, "workers ran side by side (up to " + std::to_string(max_children.load()) + ")");
    check(one_live_child(), "after the threads joined, only this thread's worker: " + describe(children()));
  }

  // 13. A process that dies without running its thread-exit code (here a
  //     fork of this test that calls _exit) takes its worker with it: the
  //     worker gets EOF and its parent-death signal.
  {
    int fds[2];
    if (pipe(fds) == 0) {
      const pid_t sub = fork();
      if (sub == 0) {
        close(fds[0]);
        int worker = 0;
        try {
          parse_markdown(benign, 7, limits);
          const auto cs = children();
          if (cs.size() == 1) worker = cs[0].pid;
        } catch (...) {
        }
        if (write(fds[1], &worker, sizeof worker) != sizeof worker) _exit(2);
        _exit(0);
      }
      close(fds[1]);
      int worker = 0;
      const bool got = read(fds[0], &worker, sizeof worker) == sizeof worker && worker > 0;
      close(fds[0]);
      int status = 0;
      waitpid(sub, &status, 0);
      check(got, "a forked process started its own worker");
      bool gone = false;
      for (int i = 0; got && i < 400 && !gone; ++i) {
        std::ifstream f("/proc/" + std::to_string(worker) + "/stat");
        std::string stat;
        std::getline(f, stat);
        const auto close_paren = stat.rfind(')');
        gone = !f || close_paren == std::string::npos || stat.compare(close_paren, 3, ") Z") == 0;
        if (!gone) usleep(5000);
      }
      check(gone, "its worker ended with it");
      check(one_live_child(), "this process's worker untouched: " + describe(children()));
    }
  }

  std::printf("%s\n", failures ? "FAILED" : "all passed");
  return failures ? 1 : 0;
}
