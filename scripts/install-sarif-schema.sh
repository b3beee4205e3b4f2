#!/usr/bin/env bash
# Installs the SARIF 2.1.0 JSON schema that the `sarif_schema` test validates
# skillscore's SARIF against: the OASIS schema as published for 2.1.0 (rtm.5),
# taken from Microsoft's @microsoft/jest-sarif npm package (MIT), checked by
# its SHA-256. Needs npm (Debian's `npm` package is installed when missing).
#
#   scripts/install-sarif-schema.sh [DIR]   (default /usr/local/share/skillscore/schemas)
set -euo pipefail

dir=${1:-/usr/local/share/skillscore/schemas}
name=sarif-2.1.0-rtm.5.json
sha=2d99159ae54a3eea97f81781cff48780548657c35949f4b7f25e99a2ba4de4f8
if [ -f "$dir/$name" ] && echo "$sha  $dir/$name" | sha256sum -c --status; then exit 0; fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
if ! command -v npm >/dev/null; then
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq --no-install-recommends npm >/dev/null
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$tmp" && npm pack --silent @microsoft/jest-sarif@1.0.0-beta.0 >/dev/null && tar xzf ./*.tgz)
echo "$sha  $tmp/package/lib/schemas/$name" | sha256sum -c --status || {
  echo "install-sarif-schema: $name does not have the expected SHA-256" >&2
  exit 1
}
$SUDO mkdir -p "$dir"
$SUDO cp "$tmp/package/lib/schemas/$name" "$dir/$name"
echo "installed $dir/$name" >&2
