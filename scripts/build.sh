#!/usr/bin/env bash
# Configures and builds into build/ (Release unless BUILD_TYPE says otherwise).
# CMAKE_ARGS are passed to cmake (again, on an existing build tree, so that
# run.sh's -DSKILLSCORE_BUILD_TESTS=OFF and test.sh's =ON each get their way);
# BUILD_TARGET builds one target instead of all.
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build}"
generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
# The tests use the Debian python3 and its python3-yaml / python3-jsonschema.
python=()
if [ -x /usr/bin/python3 ]; then python=(-DPython3_EXECUTABLE=/usr/bin/python3); fi
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" "${generator[@]}" "${python[@]}" -DCMAKE_BUILD_TYPE="${BUILD_TYPE:-Release}" ${CMAKE_ARGS:-}
elif [ -n "${CMAKE_ARGS:-}" ]; then
  cmake -S . -B "$BUILD_DIR" ${CMAKE_ARGS} >/dev/null
fi
target=()
if [ -n "${BUILD_TARGET:-}" ]; then target=(--target "$BUILD_TARGET"); fi
cmake --build "$BUILD_DIR" "${target[@]}" -j "$(nproc)"
