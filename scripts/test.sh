#!/usr/bin/env bash
# Installs dependencies if missing, builds, and runs every test with ctest.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
CMAKE_ARGS="-DSKILLSCORE_BUILD_TESTS=ON -DSKILLSCORE_BUILD_PYTHON=ON ${CMAKE_ARGS:-}" scripts/build.sh
cd "${BUILD_DIR:-build}"
ctest --output-on-failure -j "$(nproc)"
