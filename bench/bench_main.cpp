// Micro-benchmarks: each stage of scoring one corpus, per byte of input.
//   SKILLSCORE_BENCH_CORPUS=../shared/corpus/public build/bench/skillscore_bench
#include <benchmark/benchmark.h>
#include <dirent.h>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <string_view>
#include <vector>

#include "bench_corpus.hpp"
#include "skillscore/assess/assess.hpp"
#include "skillscore/doc/document.hpp"
#include "skillscore/doc/markdown.hpp"
#include "skillscore/doc/yaml_loader.hpp"
#include "skillscore/report/json_report.hpp"
#include "skillscore/report/reporter.hpp"
#include "skillscore/rules/loader.hpp"
#include "skillscore/rules/metrics.hpp"
#include "skillscore/rules/presence.hpp"
#include "skillscore/util/file_io.hpp"
#include "skillscore/util/utf8.hpp"

#include <re2/set.h>

namespace sb = skillscore::bench;
using namespace skillscore;

namespace {

void set_bytes(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * sb::corpus_bytes()));
  state.counters["files/s"] = benchmark::Counter(static_cast<double>(state.iterations() * sb::corpus().size()),
                                                 benchmark::Counter::kIsRate);
}

void BM_DecodeText(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& f : sb::corpus()) {
      benchmark::DoNotOptimize(util::find_invalid_utf8(f.text));
      benchmark::DoNotOptimize(util::normalize_newlines(f.text));
    }
  }
  set_bytes(state);
}

void BM_Document(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& f : sb::corpus()) {
      doc::Document d(f.path, f.text, doc::FrontmatterMode::ReferenceSplit);
      benchmark::DoNotOptimize(d.body().size());
    }
  }
  set_bytes(state);
}

void BM_Yaml(benchmark::State& state) {
  std::vector<std::string> yamls;
  for (const auto& f : sb::corpus()) {
    const auto split = doc::split_frontmatter(f.text, doc::FrontmatterMode::ReferenceSplit);
    if (split.present) yamls.emplace_back(split.yaml);
  }
  for (auto _ : state) {
    for (const auto& y : yamls) benchmark::DoNotOptimize(doc::load_yaml(y).status);
  }
  set_bytes(state);
}

void BM_Markdown(benchmark::State& state) {
  for (auto _ : state) {
    for (const auto& f : sb::corpus()) benchmark::DoNotOptimize(doc::parse_markdown(f.text, 1).headings.size());
  }
  set_bytes(state);
}

// The presence pass over the corpus: Vectorscan in front of RE2 (what a
// batch run does), and RE2 alone (what it did before, and still does on
// texts that need Unicode classes).
void BM_PresenceIndex(benchmark::State& state, rules::VectorscanUse use) {
  std::string error;
  const auto index = rules::PresenceIndex::build(sb::profile(), error, use);
  if (!index) {
    state.SkipWithError("no presence index");
    return;
  }
  std::vector<bool> present;
  for (auto _ : state) {
    for (const auto& f : sb::corpus()) benchmark::DoNotOptimize(index->match(f.text, util::UnicodeClasses::Unknown, present));
  }
  set_bytes(state);
}

// The floor of one Vectorscan scan: a database of one literal never found.
void BM_VectorscanFloor(benchmark::State& state) {
  const auto set = rules::VectorscanSet::build({"zqzqzq"}, true);
  if (!set) {
    state.SkipWithError("built without Vectorscan");
    return;
  }
  std::vector<bool> present(1);
  for (auto _ : state) {
    for (const auto& f : sb::corpus()) benchmark::DoNotOptimize(set->scan(f.text, present));
  }
  set_bytes(state);
}

// The floor of discovery and reading: walk the corpus with readdir, read
// every SKILL.md with read(2), nothing else (cold caches aside, what any
// tool pays before looking at a byte).
std::size_t walk_and_read(int dir_fd, std::vector<char>& buffer) {
  DIR* d = ::fdopendir(dir_fd);
  if (d == nullptr) return 0;
  std::size_t bytes = 0;
  while (const dirent* e = ::readdir(d)) {
    const std::string_view name = e->d_name;
    if (name == "." || name == "..") continue;
    if (e->d_type == DT_DIR) {
      const int fd = ::openat(::dirfd(d), e->d_name, O_RDONLY | O_DIRECTORY | O_CLOEXEC);
      if (fd >= 0) bytes += walk_and_read(fd, buffer);
    } else if (name == "SKILL.md" || name == "skill.md") {
      const int fd = ::openat(::dirfd(d), e->d_name, O_RDONLY | O_CLOEXEC);
      if (fd < 0) continue;
      ssize_t n = 0;
      while ((n = ::read(fd, buffer.data(), buffer.size())) > 0) bytes += static_cast<std::size_t>(n);
      ::close(fd);
    }
  }
  ::closedir(d);
  return bytes;
}

void BM_WalkAndReadFloor(benchmark::State& state) {
  const char* dir = std::getenv("SKILLSCORE_BENCH_CORPUS");
  std::vector<char> buffer(1 << 20);
  for (auto _ : state) {
    const int fd = ::open(dir ? dir : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    benchmark::DoNotOptimize(fd >= 0 ? walk_and_read(fd, buffer) : 0);
  }
  set_bytes(state);
}

// The floor of any one pass of RE2's DFA over the corpus: a set of one
// pattern that never matches. The presence pass cannot run faster than
// this while RE2 does the matching (see README, Performance).
void BM_Re2SetFloor(benchmark::State& state) {
  RE2::Options options;
  options.set_encoding(RE2::Options::EncodingUTF8);
  RE2::Set set(options, RE2::UNANCHORED);
  if (set.Add("zqzqzq", nullptr) != 0 || !set.Compile()) {
    state.SkipWithError("cannot compile the set");
    return;
  }
  std::vector<int> hits;
  for (auto _ : state) {
    for (const auto& f : sb::corpus()) benchmark::DoNotOptimize(set.Match(f.text, &hits));
  }
  set_bytes(state);
}

void BM_Metrics(benchmark::State& state) {
  const auto& p = sb::profile();
  std::vector<doc::Document> docs;
  for (const auto& f : sb::corpus()) docs.emplace_back(f.path, f.text, p.document.frontmatter);
  for (auto _ : state) {
    for (const auto& d : docs) benchmark::DoNotOptimize(rules::evaluate_metrics(p, d).values.size());
  }
  set_bytes(state);
}

void BM_Assess(benchmark::State& state) {
  const auto& p = sb::profile();
  for (auto _ : state) {
    for (const auto& f : sb::corpus()) {
      doc::Document d(f.path, f.text, p.document.frontmatter);
      benchmark::DoNotOptimize(assess::assess(p, d).score.score);
    }
  }
  set_bytes(state);
}

void BM_LoadProfile(benchmark::State& state) {
  for (auto _ : state) {
    std::string error;
    benchmark::DoNotOptimize(rules::load_builtin_profile("skill-fleet-v2", error).has_value());
  }
}

std::vector<report::Assessment>& assessments() {
  static std::vector<report::Assessment> all = [] {
    std::vector<report::Assessment> out;
    for (const auto& f : sb::corpus()) {
      doc::Document d(f.path, f.text, sb::profile().document.frontmatter);
      out.push_back(assess::assess(sb::profile(), d));
    }
    return out;
  }();
  return all;
}

void BM_Format(benchmark::State& state, report::Format format) {
  const report::RunContext ctx{&sb::profile(), 0.5, false, std::nullopt};
  report::SummaryBuilder sb_;
  for (const auto& a : assessments()) sb_.add(a);
  const report::Summary summary = sb_.build();
  for (auto _ : state) {
    auto r = report::make_reporter(format, ctx);
    std::size_t n = 0;
    for (const auto& a : assessments()) {
      r->add(a);
      n += r->take_streamed().size();
    }
    n += r->finish(summary).size();
    benchmark::DoNotOptimize(n);
  }
  set_bytes(state);
}

}  // namespace

BENCHMARK(BM_WalkAndReadFloor)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_DecodeText)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Document)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Yaml)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Markdown)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PresenceIndex, vectorscan, rules::VectorscanUse::EmbeddedOnly)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_PresenceIndex, re2_only, rules::VectorscanUse::Never)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_VectorscanFloor)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Re2SetFloor)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Metrics)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_Assess)->Unit(benchmark::kMillisecond);
BENCHMARK(BM_LoadProfile)->Unit(benchmark::kMicrosecond);
BENCHMARK_CAPTURE(BM_Format, jsonl, report::Format::Jsonl)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Format, json, report::Format::Json)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Format, text, report::Format::Text)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Format, csv, report::Format::Csv)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Format, sarif, report::Format::Sarif)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Format, junit, report::Format::Junit)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Format, github, report::Format::Github)->Unit(benchmark::kMillisecond);
BENCHMARK_CAPTURE(BM_Format, markdown, report::Format::Markdown)->Unit(benchmark::kMillisecond);

int main(int argc, char** argv) {
  doc::register_markdown_extensions();
  benchmark::Initialize(&argc, argv);
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
