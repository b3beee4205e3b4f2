// libFuzzer target: the whole scorer, as `skillscore score` runs it on one
// file: decode -> Document -> assess -> JSON, with the built-in profile
// (skill-fleet-v2, raw-text regexes) and with tests/hostile/ast-profile.yaml
// (headings, prose and code blocks from the cmark-gfm AST). Two differential
// checks: the one-pass presence index gives the same assessment as pattern
// by pattern, and on a text that needs no Unicode classes each pattern's
// ASCII form finds what the pattern as written finds, and the index's
// Vectorscan scan answers what its RE2 set alone answers, slot by slot.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "fuzz_common.hpp"
#include "skillscore/assess/assess.hpp"
#include "skillscore/doc/document.hpp"
#include "skillscore/doc/markdown.hpp"
#include "skillscore/report/json_report.hpp"
#include "skillscore/rules/loader.hpp"
#include "skillscore/rules/presence.hpp"
#include "skillscore/util/unicode.hpp"

using namespace skillscore;

namespace {
std::optional<rules::Profile> g_builtin, g_ast, g_indexed;
std::shared_ptr<const rules::PresenceIndex> g_re2_only;

void check_vectorscan(std::string_view body) {
  std::vector<bool> a, b;
  if (!g_indexed->presence->match(body, util::UnicodeClasses::Unknown, a) ||
      !g_re2_only->match(body, util::UnicodeClasses::Unknown, b)) {
    return;
  }
  for (std::size_t m = 0; m < g_builtin->metrics.size(); ++m) {
    for (int k = 0; g_re2_only->slot(static_cast<int>(m), k) >= 0; ++k) {
      const int slot = g_re2_only->slot(static_cast<int>(m), k);
      const auto i = static_cast<std::size_t>(slot);
      // Gap patterns: exact with Vectorscan, a "may match" with RE2.
      if (g_re2_only->exact(slot) ? a[i] != b[i] : a[i] && !b[i]) __builtin_trap();
    }
  }
}

void check_ascii_forms(std::string_view body) {
  if (util::needs_unicode_classes(body)) return;
  using C = util::UnicodeClasses;
  for (const auto& m : g_builtin->metrics) {
    auto same = [&](const rules::Regex& re) {
      std::optional<rules::Match> a, b;
      if (re.count(body, &a, C::Unneeded) != re.count(body, &b, C::Needed)) __builtin_trap();
      if (a.has_value() != b.has_value() || (a && (a->begin != b->begin || a->end != b->end))) __builtin_trap();
    };
    if (const auto* s = std::get_if<rules::SearchSpec>(&m.spec)) {
      for (const auto& re : s->patterns) {
        if (re.matches_empty()) continue;
        same(re);
      }
    } else if (const auto* c = std::get_if<rules::CountSpec>(&m.spec)) {
      same(*c->pattern);
    }
  }
}
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  doc::register_markdown_extensions();
  doc::MarkdownLimits limits;  // cmark-gfm in process (see fuzz_document.cpp)
  limits.isolate = false;
  doc::set_markdown_limits(limits);
  std::string error;
  g_builtin = rules::load_builtin_profile("skill-fleet-v2", error);
  if (!g_builtin) {
    std::fprintf(stderr, "fuzz_scorer: %s\n", error.c_str());
    std::abort();
  }
  g_indexed = rules::load_builtin_profile("skill-fleet-v2", error);
  // Vectorscan's database compiled here if the one built with skillscore
  // does not fit this CPU: the comparison must have it.
  if (g_indexed) g_indexed->presence = rules::PresenceIndex::build(*g_indexed, error, rules::VectorscanUse::CompileIfMissing);
  if (g_indexed) g_re2_only = rules::PresenceIndex::build(*g_indexed, error, rules::VectorscanUse::Never);
  if (!g_indexed || !g_indexed->presence || !g_re2_only) {
    std::fprintf(stderr, "fuzz_scorer: presence index: %s\n", error.c_str());
    std::abort();
  }
  g_ast = rules::load_profile_file(SKILLSCORE_SOURCE_DIR "/tests/hostile/ast-profile.yaml", error);
  if (!g_ast) {
    std::fprintf(stderr, "fuzz_scorer: %s\n", error.c_str());
    std::abort();
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (fuzz::known_issue_input(fuzz::frontmatter_region(fuzz::as_view(data, size)))) return -1;  // fuzz_common.hpp
  std::string error;
  auto text = doc::decode_skill_text(fuzz::as_view(data, size), error);
  if (!text) return 0;
  for (const rules::Profile* p : {&*g_builtin, &*g_ast}) {
    const doc::Document d("fuzz/SKILL.md", *text, p->document.frontmatter, p->document.yaml);
    const report::Assessment a = assess::assess(*p, d);
    if (!(a.score.score >= 0.0 && a.score.score <= 1.0)) __builtin_trap();
    const std::string json = report::assessment_json(a, 0);
    if (p == &*g_builtin) {
      const report::Assessment b = assess::assess(*g_indexed, d);
      if (report::assessment_json(b, 0) != json) __builtin_trap();
      check_ascii_forms(d.body());
      check_vectorscan(d.body());
    }
  }
  return 0;
}
