#!/usr/bin/env bash
# Builds the release artifacts into dist/ (DIST):
#   skillscore-VERSION-linux-x86_64.tar.gz   the static binary, its man page, bash/zsh/fish
#                                            completions, the JSON schemas, README (and LICENSE)
#   skillscore_VERSION_amd64.deb             the same files under /usr, from CPack; Depends: none
#   SHA256SUMS                               of both
# BUILD_DIR (default build/package) is configured for a static Release binary
# when it has no CMakeCache.txt yet; an existing tree is used as it is (the
# packaging test passes the ctest tree instead of building a second one).
set -euo pipefail
cd "$(dirname "$0")/.."
BUILD_DIR="${BUILD_DIR:-build/package}"
DIST="${DIST:-dist}"
# shellcheck disable=SC2086 # CMAKE_ARGS is a list of arguments
scripts/build-static.sh "$BUILD_DIR" ${CMAKE_ARGS:-}

bin="$BUILD_DIR/skillscore"
version="$("$bin" --version | awk '{print $2}')"
arch="$(uname -m)"
name="skillscore-$version-linux-$arch"
mkdir -p "$DIST"
DIST="$(cd "$DIST" && pwd)"
# Reproducible: file times from the last commit (or SOURCE_DATE_EPOCH), sorted names, no owners.
epoch="${SOURCE_DATE_EPOCH:-$(git log -1 --format=%ct 2>/dev/null || echo 0)}"

stage="$(mktemp -d)"
trap 'rm -rf "$stage"' EXIT
cmake --install "$BUILD_DIR" --prefix "$stage/$name" --strip >/dev/null
cp README.md "$stage/$name/"
if [ -f LICENSE ]; then
  cp LICENSE "$stage/$name/"
else
  echo "package.sh: warning: no LICENSE file in the project: the packages carry none" >&2
fi
tar -C "$stage" --sort=name --mtime="@$epoch" --owner=0 --group=0 --numeric-owner \
  -cf - "$name" | gzip -n -9 > "$DIST/$name.tar.gz"

# CPack installs into its own staging tree under /usr (cmake/Install.cmake).
(cd "$BUILD_DIR" && SOURCE_DATE_EPOCH="$epoch" cpack -G DEB -B "$DIST/cpack" >/dev/null)
deb="$(ls "$DIST"/cpack/skillscore_*.deb)"
mv "$deb" "$DIST/"
rm -rf "$DIST/cpack"

(cd "$DIST" && sha256sum "$name.tar.gz" "$(basename "$deb")" > SHA256SUMS)
echo "$DIST/$name.tar.gz"
echo "$DIST/$(basename "$deb")"
