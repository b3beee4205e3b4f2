#!/usr/bin/env bash
# Builds the libFuzzer targets (fuzz/) into build-fuzz/ with clang and
# -fsanitize=fuzzer,address,undefined, then runs one target for SECONDS.
#
#   scripts/fuzz.sh TARGET SECONDS     TARGET: document | frontmatter | rules | scorer | all
#   scripts/fuzz.sh build              only build
#
# Seed corpora are generated from samples/, tests/fixtures/ and rules/ into
# build-fuzz/seeds/TARGET (never committed); the growing corpus is kept in
# build-fuzz/corpus/TARGET and findings in build-fuzz/artifacts/TARGET/.
# A crash does not end the run: the artifact is kept and fuzzing restarts
# until SECONDS are used up. The last lines printed are a summary:
#   fuzz-summary: target=... seconds=... execs=... execs_per_sec=... cov=... ft=... corpus=... crashes=...
# Environment: BUILD_DIR (default build-fuzz), FUZZ_JOBS (build jobs),
# FUZZ_ARGS (extra libFuzzer flags), CXX (clang++ or clang++-14 by default).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BUILD_DIR="${BUILD_DIR:-build-fuzz}"
TARGETS=(document frontmatter rules scorer)

usage() { echo "usage: $0 {document|frontmatter|rules|scorer|all} SECONDS | $0 build" >&2; exit 2; }
[ $# -ge 1 ] || usage
TARGET=$1
SECONDS_TOTAL=${2:-60}
case "$TARGET" in build|all|document|frontmatter|rules|scorer) ;; *) usage ;; esac
[[ "$SECONDS_TOTAL" =~ ^[0-9]+$ ]] || usage

pick_cxx() {
  if [ -n "${CXX:-}" ]; then echo "$CXX"; return; fi
  for c in clang++ clang++-14; do
    if command -v "$c" >/dev/null 2>&1; then echo "$c"; return; fi
  done
  echo "fuzz.sh: clang++ not found; install clang-14 and libclang-rt-14-dev (apt-get install clang-14 libclang-rt-14-dev)" >&2
  exit 2
}

build() {
  mkdir -p "$BUILD_DIR"
  # Two fuzz.sh started together must not build at the same time.
  exec 9>"$BUILD_DIR/.build.lock"
  flock 9
  local cxx; cxx=$(pick_cxx)
  if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
    local generator=(); command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
    cmake -S . -B "$BUILD_DIR" "${generator[@]}" \
      -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DCMAKE_CXX_COMPILER="$cxx" \
      -DCMAKE_CXX_FLAGS="-fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=all -fno-omit-frame-pointer -include $ROOT/fuzz/clang_pyvalue_workaround.hpp" \
      -DCMAKE_CXX_FLAGS_RELWITHDEBINFO="-O1 -g" \
      -DCMAKE_EXE_LINKER_FLAGS="-fsanitize=address,undefined" \
      -DSKILLSCORE_STATIC=OFF -DSKILLSCORE_BUILD_TESTS=OFF -DSKILLSCORE_BUILD_FUZZERS=ON >/dev/null
  fi
  if ! cmake --build "$BUILD_DIR" -j "${FUZZ_JOBS:-$(nproc)}" --target fuzz_document fuzz_frontmatter fuzz_rules fuzz_scorer \
      >"$BUILD_DIR/build.log" 2>&1; then
    grep -E 'error|FAILED' "$BUILD_DIR/build.log" | head -n 40 >&2
    echo "fuzz.sh: build failed (full log: $BUILD_DIR/build.log)" >&2
    exit 2
  fi
  flock -u 9
}

# Seeds: regenerated on every run (cheap), from files in the repository.
make_seeds() {
  local t=$1 dir="$BUILD_DIR/seeds/$1"
  rm -rf "$dir"; mkdir -p "$dir"
  python3 - "$ROOT" "$dir" "$t" <<'PY'
import hashlib, json, pathlib, sys
root, out, target = pathlib.Path(sys.argv[1]), pathlib.Path(sys.argv[2]), sys.argv[3]
def put(data):
    if isinstance(data, str):
        data = data.encode("utf-8", "surrogatepass")
    (out / hashlib.sha1(data).hexdigest()).write_bytes(data)
md = sorted(p for p in (root / "samples").rglob("*") if p.is_file())
md += sorted(p for p in (root / "tests" / "hostile" / "regressions").rglob("*") if p.is_file())
yaml_cases = json.loads((root / "tests" / "fixtures" / "yaml_cases.json").read_text())
if target in ("document", "scorer"):
    for p in md:
        put(p.read_bytes())
    for y in yaml_cases:
        put("---\n" + y + "\n---\n# Title\n\n## Overview\n\ntext\n")
    # Small Markdown shapes the samples lack (tables, links, HTML, nesting).
    for s in ["| a | b |\n|---|:-:|\n| 1 | 2 |\n", "> > > - [x] item\n>    1. one\n",
              "[a]: <b> 'c'\n[a][] ![i](u \"t\") <http://x.y> www.x.y\n",
              "<!-- c -->\n<div>\n*a **b** c*\n</div>\n", "~~~\nfence\n~~~~\n    indented\n",
              "a\r\nb\rc\n\ufeff---\nx: 1\n---\n"]:
        put(s)
elif target == "frontmatter":
    for y in yaml_cases:
        put(y)
    for p in sorted((root / "tests" / "hostile" / "regressions").glob("frontmatter-*")):
        put(p.read_bytes())
    for p in md:
        t = p.read_bytes()
        if t.startswith(b"---"):
            parts = t.split(b"---", 2)
            if len(parts) == 3:
                put(parts[1])
elif target == "rules":
    for p in sorted((root / "rules").glob("*.yaml")) + [root / "tests" / "hostile" / "ast-profile.yaml"]:
        put(p.read_bytes())
PY
}

run_target() {
  local t=$1 secs=$2
  local bin="$BUILD_DIR/fuzz/fuzz_$t"
  local corpus="$BUILD_DIR/corpus/$t" artifacts="$BUILD_DIR/artifacts/$t" log_dir="$BUILD_DIR/logs"
  mkdir -p "$corpus" "$artifacts" "$log_dir"
  make_seeds "$t"
  local max_len dict=()
  case "$t" in
    document|scorer) max_len=32768; dict=(-dict="$ROOT/fuzz/markdown.dict") ;;
    frontmatter) max_len=8192; dict=(-dict="$ROOT/fuzz/yaml.dict") ;;
    rules) max_len=32768; dict=(-dict="$ROOT/fuzz/rules.dict") ;;
  esac
  export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=0}"
  export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
  local deadline=$(( $(date +%s) + secs )) total_execs=0 runs=0 last_log="" quick=0 run_start
  local marker="$BUILD_DIR/.run-start.$t.$$"
  touch "$marker"
  while :; do
    local left=$(( deadline - $(date +%s) ))
    [ "$left" -gt 0 ] || break
    runs=$((runs + 1))
    run_start=$(date +%s)
    last_log="$log_dir/$t.$(date +%Y%m%d-%H%M%S).$runs.log"
    echo "fuzz.sh: running fuzz_$t for ${left}s (log $last_log)" >&2
    set +e
    # shellcheck disable=SC2086
    "$bin" -max_total_time="$left" -timeout=25 -rss_limit_mb=2048 -max_len="$max_len" \
      -print_final_stats=1 -artifact_prefix="$artifacts/" "${dict[@]}" ${FUZZ_ARGS:-} \
      "$corpus" "$BUILD_DIR/seeds/$t" >"$last_log" 2>&1
    local rc=$?
    set -e
    tail -n 40 "$last_log" | grep -E '^(#[0-9]+[[:space:]]+(DONE|pulse|NEW|REDUCE|RELOAD)|stat::|==[0-9]+==|SUMMARY)' | tail -n 12 >&2 || true
    local execs
    execs=$(grep -Eo '^stat::number_of_executed_units: [0-9]+' "$last_log" | awk '{print $2}' | tail -1)
    if [ -z "$execs" ]; then  # a crash: take the last status line
      execs=$(grep -Eo '^#[0-9]+' "$last_log" | tail -1 | tr -d '#')
    fi
    total_execs=$(( total_execs + ${execs:-0} ))
    if [ "$rc" -eq 0 ]; then break; fi
    echo "fuzz.sh: fuzz_$t stopped with exit $rc (a finding; see $last_log); restarting" >&2
    # A run that dies at once again and again (a finding in the seeds) would spin.
    if [ $(( $(date +%s) - run_start )) -lt 5 ]; then quick=$((quick + 1)); else quick=0; fi
    if [ "$quick" -ge 3 ]; then echo "fuzz.sh: fuzz_$t dies at start-up; stopping" >&2; break; fi
  done
  local status cov ft corp crashes slow
  status=$(grep -hE '^#[0-9]+[[:space:]]' "$last_log" | tail -1 || true)
  cov=$(sed -nE 's/.* cov: ([0-9]+).*/\1/p' <<<"$status")
  ft=$(sed -nE 's/.* ft: ([0-9]+).*/\1/p' <<<"$status")
  corp=$(ls "$corpus" | wc -l)
  # Findings of this run only: crashes, leaks, timeouts, out-of-memory; slow units apart.
  crashes=$(find "$artifacts" -maxdepth 1 -type f -newer "$marker" \( -name 'crash-*' -o -name 'leak-*' -o -name 'timeout-*' -o -name 'oom-*' \) | wc -l)
  slow=$(find "$artifacts" -maxdepth 1 -type f -newer "$marker" -name 'slow-unit-*' | wc -l)
  rm -f "$marker"
  echo "$status"
  grep -E '^stat::' "$last_log" || true
  echo "fuzz-summary: target=$t seconds=$secs runs=$runs execs=$total_execs execs_per_sec=$(( total_execs / (secs > 0 ? secs : 1) )) cov=${cov:-?} ft=${ft:-?} corpus=$corp crashes=$crashes slow_units=$slow artifacts=$artifacts"
}

main() {
  build
  [ "$TARGET" = build ] && return 0
  if [ "$TARGET" = all ]; then
    for t in "${TARGETS[@]}"; do run_target "$t" "$SECONDS_TOTAL"; done
  else
    run_target "$TARGET" "$SECONDS_TOTAL"
  fi
}

# One line, so that bash has read all of it before main runs: editing this
# file during a long fuzzing run is then safe.
main; exit $?
