#!/usr/bin/env bash
# Installs headless Chromium from Debian's archive for the browser test of the
# HTML report (tests/cli/html_test.py), when it is missing. The test drives
# Chromium over the DevTools protocol on a pipe (--remote-debugging-pipe) with
# Python's standard library only: no Selenium, no chromedriver, no pip or npm.
# Without Chromium the test is skipped (exit code 77), so this is optional.
set -euo pipefail

# A font, so that the screenshots kept as CI artifacts show text on a minimal
# image (chromium only recommends fonts, and recommends are not installed).
packages=(chromium fonts-dejavu-core)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  exit 0
fi

echo "installing: ${missing[*]}" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
# Refresh the package lists only when the candidate is unknown.
need_update=0
for p in "${missing[@]}"; do
  candidate="$(apt-cache policy "$p" 2>/dev/null | awk '/Candidate:/ {print $2}')"
  if [ -z "$candidate" ] || [ "$candidate" = "(none)" ]; then need_update=1; fi
done
if [ "$need_update" -eq 1 ]; then
  $SUDO apt-get update -qq
fi
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
