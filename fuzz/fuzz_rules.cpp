// libFuzzer target: the rule-file loader. load_profile_text on arbitrary
// text; a profile that loads is then run on a small fixed document, so the
// metric evaluators, the engine and the scorer meet odd profiles too.
#include <cstdint>
#include <string>

#include "fuzz_common.hpp"
#include "skillscore/assess/assess.hpp"
#include "skillscore/doc/document.hpp"
#include "skillscore/doc/markdown.hpp"
#include "skillscore/rules/loader.hpp"

using namespace skillscore;

namespace {
const char* const k_skill =
    "---\nname: fuzz-skill\ndescription: Use when fuzzing the loader before writing rules\n"
    "metadata: {skill_id: x/y, version: 1.0.0, type: technique, weight: 0.5}\n---\n"
    "# Fuzz\n\n## Overview\n\nText with a [link](references/a.md) and ❌ bad, ✅ good.\n\n"
    "## When to Use This Skill\n\n- item\n\n### Pattern 1\n\n```python\ndef f():\n    pass\n```\n\n"
    "**Core principle:** test. You MUST.\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
}

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  doc::register_markdown_extensions();
  doc::MarkdownLimits limits;  // cmark-gfm in process (see fuzz_document.cpp)
  limits.isolate = false;
  doc::set_markdown_limits(limits);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view content = fuzz::as_view(data, size);
  std::string error;
  auto profile = rules::load_profile_text(content, "fuzz.yaml", error);
  if (!profile) {
    if (error.empty()) __builtin_trap();  // a load error must say why
    return 0;
  }
  const doc::Document d("fuzz/SKILL.md", k_skill, profile->document.frontmatter, profile->document.yaml);
  (void)assess::assess(*profile, d);
  return 0;
}
