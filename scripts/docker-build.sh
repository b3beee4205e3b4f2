#!/usr/bin/env bash
# The build stage of the Dockerfile: installs the build dependencies, builds the
# static binary and lays out the final image's root under OUT (default /out):
# OUT/usr/bin/skillscore and an empty OUT/tmp. BUILD_DIR: reuse a build tree
# (the packaging test does) instead of building in a fresh one.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${1:-/out}"
build="${BUILD_DIR:-/tmp/skillscore-build}"
scripts/build-static.sh "$build"
mkdir -p "$out/usr/bin" "$out/tmp"
chmod 1777 "$out/tmp"
install -m 0755 -s "$build/skillscore" "$out/usr/bin/skillscore"
