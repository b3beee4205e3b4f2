#!/usr/bin/env bash
# Installs the Debian packages skillscore needs to build and test, when any
# is missing. Nothing is downloaded from anywhere but Debian's archive.
set -euo pipefail

packages=(
  build-essential cmake ninja-build pkg-config
  libcmark-gfm-dev libcmark-gfm-extensions-dev
  nlohmann-json3-dev libcli11-dev libspdlog-dev doctest-dev
  libyaml-cpp-dev libre2-dev libvectorscan-dev
  python3 python3-yaml python3-jsonschema git
)

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

# Headless Chromium for the HTML report's browser test (the test is skipped without it).
"$(dirname "$0")/install-browser-deps.sh"
