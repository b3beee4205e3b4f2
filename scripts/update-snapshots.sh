#!/usr/bin/env bash
# Regenerates tests/snapshots/ (every report format on samples/ for each built-in
# profile) from build/skillscore. Review `git diff tests/snapshots` before committing.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN="${BIN:-build/skillscore}"
exec python3 tests/cli/snapshot_test.py --bin "$BIN" --source . --update
