#!/usr/bin/env bash
# Installs what building the binary needs (if missing), builds the `skillscore`
# target alone (Release, build/; no tests, no Python module, so the library is
# not built position-independent), and scores samples/: a summary on
# stdout, and each quality_assessment.json under build/assessments/
# (mirroring samples/, so the tree stays clean).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh build
BUILD_TARGET=skillscore CMAKE_ARGS="-DSKILLSCORE_BUILD_TESTS=OFF -DSKILLSCORE_BUILD_PYTHON=OFF ${CMAKE_ARGS:-}" scripts/build.sh
status=0
build/skillscore score samples --output-dir build/assessments "$@" || status=$?
# samples/ holds a deliberately broken file (invalid UTF-8), so exit 2 is expected here.
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then exit "$status"; fi
