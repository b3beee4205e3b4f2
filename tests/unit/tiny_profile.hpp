#pragma once
// A small rule file for the rule-engine tests, and helpers to vary it.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <string_view>

#include "skillscore/rules/loader.hpp"

namespace skillscore::test {

inline const std::string k_tiny_profile = R"(schema: 1
profile: tiny
title: A tiny profile
document:
  frontmatter: reference-split
  regex: python
  code_blocks:
    source: regex
    pattern: '```(\w*)\n(.*?)```'
    flags: [dotall]
    language_group: 1
    code_group: 2
metrics:
  - {name: has_overview, kind: search, scope: body, flags: [ignorecase], patterns: ['##\s*Overview']}
  - {name: pattern_count, kind: count, scope: body, pattern: '###\s+\w+'}
  - {name: desc_use_when, kind: field, path: description, test: starts_with, values: ["use when"], ignore_case: true}
  - {name: desc_words, kind: field, path: description, test: word_count}
  - {name: version_set, kind: field, path: metadata.version, test: truthy}
  - {name: body_length, kind: length, scope: body}
  - {name: blocks, kind: blocks}
  - {name: long_blocks, kind: blocks, require_language: true, min_lines: 3}
  - name: quality
    kind: points
    terms:
      - {when: has_overview, add: 0.5}
      - {when: pattern_count >= 2, add: 0.25}
      - {when: desc_use_when, add: 0.3}
    cap: 1.0
  - name: partial
    kind: points
    if: blocks > 0
    terms:
      - {add: 0.1}
      - {when: long_blocks == blocks, add: 0.2}
  - name: style
    kind: select
    cases:
      - {when: pattern_count >= 5, value: rich}
      - {when: pattern_count >= 1, value: some}
    otherwise: none
  - {name: double_patterns, kind: formula, expr: pattern_count * 2}
checks:
  - id: T001
    slug: overview
    title: An overview section
    outcomes:
      - {when: has_overview, strength: Has overview}
      - issue: Missing overview
        recommendation: Add a "## Overview".
  - id: T002
    slug: patterns
    title: Patterns
    outcomes:
      - {when: pattern_count >= 5, strength: 'Many patterns ({pattern_count})'}
      - when: pattern_count >= 1
        issue: 'Only {pattern_count} patterns ({style}), quality {quality}'
        recommendation: 'Add {double_patterns} more'
        locate: {first_match: pattern_count}
      - issue: No patterns
        recommendation: Add some.
  - id: T003
    slug: description-words
    title: A long description
    severity: info
    outcomes:
      - when: desc_words < 8
        issue: 'Description has {desc_words} words'
        recommendation: Write 8 or more words.
        severity: error
        locate: {frontmatter_key: description}
  - id: T004
    slug: version
    title: A version
    outcomes:
      - {when: version_set, strength: Has version}
score:
  terms:
    - {metric: quality, weight: 1.0}
    - {metric: pattern_count, weight: 0.5, scale: 4}
  ratings:
    - {min: 0.5, rating: good}
    - {rating: poor}
report:
  metrics: [quality, style, {overall: $score}, {issues: $issues}]
  deterministic_metrics: [{score: $score}, pattern_count]
)";

// 1-based line of the first occurrence of `needle` in `text`.
inline std::size_t line_of(std::string_view text, std::string_view needle) {
  const auto pos = text.find(needle);
  REQUIRE(pos != std::string_view::npos);
  return 1 + static_cast<std::size_t>(std::count(text.begin(), text.begin() + static_cast<long>(pos), '\n'));
}

// `text` with the first `from` replaced by `to`.
inline std::string replaced(std::string text, std::string_view from, std::string_view to) {
  const auto pos = text.find(from);
  REQUIRE(pos != std::string::npos);
  return text.replace(pos, from.size(), to);
}

inline rules::Profile load_tiny(const std::string& text = k_tiny_profile) {
  std::string error;
  auto p = rules::load_profile_text(text, "tiny.yaml", error);
  REQUIRE_MESSAGE(p.has_value(), error);
  return std::move(*p);
}

}  // namespace skillscore::test
