#!/usr/bin/env bash
# Differential fuzzing against the Python reference for SECONDS (default 600):
#   SKILLSCORE_REFERENCE=/tmp/ref/skill_quality.py scripts/difffuzz.sh SECONDS [SEED]
# Minimized divergences go to $RESULTS (default build/difffuzz/seed-SEED/), one
# folder per class; the class summary is printed at the end. Uses build/skillscore
# (scripts/build.sh first). Exit 1 when a divergence was found.
set -euo pipefail
cd "$(dirname "$0")/.."
SECONDS_TO_RUN=${1:-600}
SEED=${2:-$(date +%s)}
RESULTS=${RESULTS:-build/difffuzz/seed-$SEED}
BIN=${BIN:-build/skillscore}
if [[ -z "${SKILLSCORE_REFERENCE:-}" ]]; then
  echo "difffuzz: set SKILLSCORE_REFERENCE to the reference's skill_quality.py" >&2
  exit 2
fi
[[ -x "$BIN" ]] || { echo "difffuzz: $BIN not built (scripts/build.sh)" >&2; exit 2; }
exec python3 tests/differential/driver.py --bin "$BIN" --source . --seed "$SEED" \
  --seconds "$SECONDS_TO_RUN" --results "$RESULTS" ${FINDINGS:+--findings "$FINDINGS"} \
  ${DIFFFUZZ_LOG:+--log "$DIFFFUZZ_LOG"} --pending tests/differential/pending.txt --progress
