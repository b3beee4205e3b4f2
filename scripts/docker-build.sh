#!/usr/bin/env bash
# The build stage of the Dockerfile: installs the build dependencies, builds the
# static binary and lays out the final image's root under OUT (default /out):
# OUT/usr/bin/skillscore and an empty OUT/tmp. BUILD_DIR: reuse a build tree
# (the packaging test does) instead of building in a fresh one.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/out}"
build="${BUILD_DIR:-/tmp/skillscore-build}"
if [ ! -f "$build/CMakeCache.txt" ]; then
  scripts/install-deps.sh build
  cmake -S . -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=Release -DSKILLSCORE_STATIC=ON \
    -DSKILLSCORE_BUILD_TESTS=OFF -DSKILLSCORE_BUILD_PYTHON=OFF
fi
cmake --build "$build" --target skillscore -j "$(nproc)"
# FROM scratch has no loader and no libc: the binary must need none.
if readelf -d "$build/skillscore" | grep -q NEEDED; then
  echo "docker-build.sh: the binary needs shared libraries" >&2
  exit 1
fi
mkdir -p "$out/usr/bin" "$out/tmp"
chmod 1777 "$out/tmp"
install -m 0755 -s "$build/skillscore" "$out/usr/bin/skillscore"
