#!/usr/bin/env bash
# Installs the Debian packages skillscore needs, when any is missing. Nothing
# is downloaded from anywhere but Debian's archive, except the SARIF schema
# the tests validate against (npm; install-sarif-schema.sh).
#   scripts/install-deps.sh build   what building the `skillscore` binary needs (scripts/run.sh)
#   scripts/install-deps.sh         that, plus what the tests and packaging need (scripts/test.sh, CI)
set -euo pipefail
mode="${1:-all}"

# Building the binary (static: the .a archives of these -dev packages).
build_packages=(
  build-essential cmake ninja-build pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  nlohmann-json3-dev libcli11-dev libspdlog-dev
  libyaml-cpp-dev libre2-dev libvectorscan-dev
)
# The tests: doctest, the Python test drivers, git for the hook tests, and the
# packaging tests (the Python package built offline against Debian's
# pybind11/setuptools, pre-commit's try-repo, groff to check the man page,
# curl for the action's download step).
test_packages=(
  doctest-dev
  python3 python3-yaml python3-jsonschema git
  python3-dev python3-venv python3-pip python3-setuptools python3-wheel python3-pybind11 pybind11-dev
  pre-commit groff-base curl
)

packages=("${build_packages[@]}")
case "$mode" in
  build) ;;
  all) packages+=("${test_packages[@]}") ;;
  *) echo "usage: $0 [build]" >&2; exit 2 ;;
esac

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing: ${missing[*]}" >&2
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$mode" = all ]; then
  # The SARIF 2.1.0 schema for the sarif_schema test (from an npm package).
  "$(dirname "$0")/install-sarif-schema.sh" || echo "install-deps: no SARIF schema; the sarif_schema test will fail" >&2
  # Headless Chromium for the HTML report's browser test (the test is skipped without it).
  "$(dirname "$0")/install-browser-deps.sh"
fi
