#!/usr/bin/env bash
# build-static.sh BUILD_DIR [CMAKE_ARG...]: the static Release binary that the
# Docker image (docker-build.sh) and the release packages (package.sh) ship.
# Configures BUILD_DIR when it has no CMakeCache.txt yet (an existing tree is
# used as it is: the packaging test passes the ctest tree), builds skillscore,
# and fails unless the binary needs no shared library (FROM scratch has no
# loader and no libc).
set -euo pipefail
cd "$(dirname "$0")/.."
build="$1"
shift
if [ ! -f "$build/CMakeCache.txt" ]; then
  scripts/install-deps.sh build
  generator=()
  if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
  cmake -S . -B "$build" "${generator[@]}" -DCMAKE_BUILD_TYPE=Release -DSKILLSCORE_STATIC=ON \
    -DSKILLSCORE_BUILD_TESTS=OFF -DSKILLSCORE_BUILD_PYTHON=OFF "$@"
fi
cmake --build "$build" --target skillscore -j "$(nproc)"
if readelf -d "$build/skillscore" 2>/dev/null | grep -q NEEDED; then
  echo "$(basename "$0"): $build/skillscore needs shared libraries; configure with -DSKILLSCORE_STATIC=ON" >&2
  exit 1
fi
