#!/usr/bin/env bash
# Installs dependencies if missing, builds Release into build/, and scores
# samples/: a summary on stdout, and each quality_assessment.json under
# build/assessments/ (mirroring samples/, so the tree stays clean).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
scripts/build.sh
status=0
build/skillscore score samples --output-dir build/assessments "$@" || status=$?
# samples/ holds a deliberately broken file (invalid UTF-8), so exit 2 is expected here.
if [ "$status" -ne 0 ] && [ "$status" -ne 2 ]; then exit "$status"; fi
