#!/usr/bin/env bash
# Exit 0 = good, 1 = bad, 125 = skip (cannot build or set up this commit).
set -u
git clean -fdxq
if ! make -j"$(nproc)" >/dev/null 2>&1; then
  exit 125
fi
if ./build/bin/regression-check; then
  exit 0
fi
exit 1
