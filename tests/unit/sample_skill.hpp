#pragma once
// A SKILL.md that the reference (assess_skill_quality in Qredence/skill-fleet
// skill_quality.py at 0abb8e8, run in python3) scores 0.5493478260869564:
// critical elements core principle and contrast but no strong guidance
// (x0.95), 2 patterns, 2 code blocks, frontmatter_completeness 0.75.
#include <string>

namespace skillscore::test {

inline const std::string k_skill = R"(---
name: flaky-test-triage
description: Use when debugging flaky tests before merging a change
metadata:
  skill_id: flaky-test-triage
  version: 1.0.0
  type: technique
---

# Flaky Test Triage

## Overview

Find why a test fails only sometimes.

**Core principle:** reproduce before you fix.

## When to Use This Skill

- A test passes locally and fails in CI.

## Core Patterns

### Pattern 1: Loop the test

❌ Common mistake: retrying until green.

✅ Production pattern: run it 100 times.

```bash
for i in $(seq 100); do
  pytest tests/test_x.py || break
done
```

### Pattern 2: Pin the clock

```python
def test_expiry(freezer):
    freezer.move_to("2024-01-01")
    assert token.expired()
```

**Key insight:** most flakes are time or order.
)";

}  // namespace skillscore::test
