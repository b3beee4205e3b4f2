#!/usr/bin/env bash
# Benchmark skillscore against the Python reference and against `cat`.
#   scripts/bench.sh [--reference PATH/skill_quality.py] [--corpus DIR] [--runs N]
# The reference is not part of this repository: fetch Qredence/skill-fleet and
#   git show 0abb8e8:src/skill_fleet/core/dspy/metrics/skill_quality.py > /tmp/ref/skill_quality.py
# (see ../shared/reference/README.md). Without it, the reference columns are skipped.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
BUILD_TYPE=Release scripts/build.sh >/dev/null
command -v /usr/bin/time >/dev/null || { apt-get install -y -qq time >/dev/null 2>&1 || true; }
exec python3 scripts/bench.py --bin build/skillscore "$@"
