#!/usr/bin/env bash
# The steps of the GitHub Action (action.yml), as a script so that they can be
# run and tested outside GitHub (tests/cli/action_test.py fakes GITHUB_*).
#   action.sh install   puts skillscore on the PATH: a release's tarball
#                       (checked against its SHA256SUMS), or the action's own
#                       source built with CMake when INPUT_VERSION is "source"
#   action.sh check     runs `skillscore check`, writes the step summary, the
#                       SARIF file and the outputs (sarif, mean-score, exit-code)
# Inputs come as INPUT_VERSION, INPUT_PATHS, INPUT_PROFILE, INPUT_MIN_SCORE,
# INPUT_ARGS, INPUT_SARIF; SKILLSCORE_RELEASE_URL overrides where releases are
# downloaded from (default: the action's repository on GitHub).
set -euo pipefail
here="$(cd "$(dirname "$0")/.." && pwd)"
: "${RUNNER_TEMP:?RUNNER_TEMP is not set (this runs inside GitHub Actions, or a test that fakes it)}"
: "${GITHUB_OUTPUT:?GITHUB_OUTPUT is not set}"

fail() {
  echo "::error title=skillscore::$*"
  exit 2
}

install() {
  local version="${INPUT_VERSION:-}" prefix
  if [ -z "$version" ]; then
    # Pinned as skillscore/skillscore@v1.2.3: that release.
    case "${ACTION_REF:-}" in
      v[0-9]*) version="${ACTION_REF#v}" ;;
      *) fail "set the 'version' input (a release such as 0.1.0, or 'source'): the action is not pinned to a release tag (${ACTION_REF:-no ref})" ;;
    esac
  fi
  if [ "$version" = source ]; then
    prefix="$RUNNER_TEMP/skillscore-source"
    "$here/scripts/install-deps.sh" build
    cmake -S "$here" -B "$RUNNER_TEMP/skillscore-build" -DCMAKE_BUILD_TYPE=Release \
      -DSKILLSCORE_BUILD_TESTS=OFF -DSKILLSCORE_BUILD_PYTHON=OFF >/dev/null
    cmake --build "$RUNNER_TEMP/skillscore-build" --target skillscore -j "$(nproc)"
    cmake --install "$RUNNER_TEMP/skillscore-build" --prefix "$prefix" >/dev/null
  else
    version="${version#v}"
    [ "$(uname -s)-$(uname -m)" = Linux-x86_64 ] || fail "releases are built for Linux x86-64 only; use version: source"
    local base="${SKILLSCORE_RELEASE_URL:-${GITHUB_SERVER_URL:-https://github.com}/${ACTION_REPOSITORY:-skillscore/skillscore}/releases/download}"
    local name="skillscore-$version-linux-x86_64" dl="$RUNNER_TEMP/skillscore-download"
    mkdir -p "$dl"
    curl -fsSL --retry 3 -o "$dl/$name.tar.gz" "$base/v$version/$name.tar.gz" || fail "cannot download $base/v$version/$name.tar.gz"
    curl -fsSL --retry 3 -o "$dl/SHA256SUMS" "$base/v$version/SHA256SUMS" || fail "cannot download $base/v$version/SHA256SUMS"
    (cd "$dl" && grep " $name.tar.gz\$" SHA256SUMS | sha256sum -c --quiet -) || fail "$name.tar.gz does not match its SHA256SUMS"
    tar -C "$RUNNER_TEMP" -xzf "$dl/$name.tar.gz"
    prefix="$RUNNER_TEMP/$name"
  fi
  "$prefix/bin/skillscore" --version
  echo "$prefix/bin" >> "${GITHUB_PATH:-/dev/null}"
  echo "bin=$prefix/bin/skillscore" >> "$GITHUB_OUTPUT"
}

check() {
  local bin="${SKILLSCORE_BIN:-skillscore}" sarif="${INPUT_SARIF:-skillscore.sarif}"
  local md="$RUNNER_TEMP/skillscore-summary.md" summary="$RUNNER_TEMP/skillscore-summary.json"
  local -a paths extra args
  # Split on spaces, tabs and newlines (a YAML block of paths), never globbed.
  set -f
  # shellcheck disable=SC2206
  paths=(${INPUT_PATHS:-.}) extra=(${INPUT_ARGS:-})
  set +f
  [ ${#paths[@]} -gt 0 ] || paths=(.)
  args=(check "${paths[@]}" --format github --output "sarif:$sarif" --output "markdown:$md" --summary "$summary")
  if [ -n "${INPUT_PROFILE:-}" ]; then args+=(--profile "$INPUT_PROFILE"); fi
  if [ -n "${INPUT_MIN_SCORE:-}" ]; then args+=(--min-score "$INPUT_MIN_SCORE"); fi
  rm -f "$md" "$summary"
  mkdir -p "$(dirname "$sarif")"
  local status=0
  "$bin" "${args[@]}" "${extra[@]}" || status=$?
  if [ -f "$md" ] && [ -n "${GITHUB_STEP_SUMMARY:-}" ]; then cat "$md" >> "$GITHUB_STEP_SUMMARY"; fi
  local mean=""
  if [ -f "$summary" ]; then
    mean="$(sed -n 's/^  "mean": \([^,]*\),\{0,1\}$/\1/p' "$summary" | head -n 1)"
  fi
  {
    echo "sarif=$sarif"
    echo "mean-score=$mean"
    echo "exit-code=$status"
  } >> "$GITHUB_OUTPUT"
  # 1: a gate failed; 2: an error. Either fails the step.
  exit "$status"
}

case "${1:-}" in
  install) install ;;
  check) check ;;
  *) echo "usage: $0 install|check" >&2; exit 2 ;;
esac
