#!/usr/bin/env bash
# Runs every hostile input of tests/hostile/hostile_inputs.py through the
# Release binary, one at a time, and prints a Markdown table: input, profile,
# wall time (s), peak RSS (MB, GNU time's %M), result (score or the per-file
# error). Rows over the targets (1 s, 100 MB) are marked with "!!".
#
#   scripts/hostile-report.sh [NAME...]      default: every case
#
# Environment: BIN (default build/skillscore), TIMEOUT (default 60 s per run),
# HOSTILE_GROUPS (e.g. "cve markdown": only these groups), MEMORY_CAP (bytes of
# address space per run, default 4 GiB; 0: none).
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
BIN="${BIN:-$ROOT/build/skillscore}"
TIMEOUT="${TIMEOUT:-60}"
AST_RULES="$ROOT/tests/hostile/ast-profile.yaml"
CATALOG="$ROOT/tests/hostile/hostile_inputs.py"

if [ ! -x "$BIN" ]; then
  echo "hostile-report.sh: $BIN not found: build first (scripts/build.sh)" >&2
  exit 2
fi
if [ ! -x /usr/bin/time ]; then
  echo "hostile-report.sh: GNU time is missing (apt-get install time)" >&2
  exit 2
fi

# A cap on the address space of each run (4 GiB), so that a runaway input
# fails instead of exhausting the machine (yaml-cpp's LoadAll loop allocates
# gigabytes a second). MEMORY_CAP=0 removes it (AddressSanitizer builds).
MEMORY_CAP="${MEMORY_CAP:-4294967296}"
cap=()
if [ "$MEMORY_CAP" != 0 ] && command -v prlimit >/dev/null 2>&1; then cap=(prlimit --as="$MEMORY_CAP" --); fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

printf '| input | profile | time (s) | peak RSS (MB) | result |\n'
printf '| --- | --- | ---: | ---: | --- |\n'
over=0
total=0
while IFS=$'\t' read -r name group profiles expect; do
  if [ $# -gt 0 ]; then
    keep=0
    for want in "$@"; do [ "$want" = "$name" ] && keep=1; done
    [ "$keep" = 1 ] || continue
  fi
  if [ -n "${HOSTILE_GROUPS:-}" ] && [[ " $HOSTILE_GROUPS " != *" $group "* ]]; then continue; fi
  dir="$work/$name"
  rm -rf "$dir"
  python3 "$CATALOG" make "$name" "$dir"
  args=()
  # A case's extra command-line arguments.
  mapfile -t args < <(python3 "$CATALOG" args "$name")
  IFS=',' read -r -a profs <<<"$profiles"
  for prof in "${profs[@]}"; do
    rules=()
    [ "$prof" = ast ] && rules=(--rules "$AST_RULES")
    set +e
    /usr/bin/time -f '%e %M' -o "$work/time" timeout -s KILL "$TIMEOUT" ${cap[@]+"${cap[@]}"} \
      "$BIN" check "$dir/SKILL.md" --no-config --fail-on none --format jsonl -j 1 "${rules[@]}" ${args[@]+"${args[@]}"} \
      >"$work/out" 2>"$work/err"
    rc=$?
    set -e
    read -r secs kb < <(grep -E '^[0-9.]+ [0-9]+$' "$work/time" | tail -1)
    mb=$(awk -v k="${kb:-0}" 'BEGIN { printf "%.1f", k / 1024 }')
    if [ "$rc" -eq 137 ] || grep -q 'terminated by signal 9' "$work/time"; then
      result="**killed after ${TIMEOUT} s**"
    elif grep -q 'terminated by signal' "$work/time"; then
      result="**crashed: $(grep -o 'signal [0-9]*' "$work/time" | head -1)**"
    else
      result=$(python3 - "$work/out" "$rc" <<'PY'
import json, sys
rc = sys.argv[2]
try:
    lines = [l for l in open(sys.argv[1], encoding="utf-8", errors="replace") if l.strip()]
    rec = json.loads(lines[0])
    if "error" in rec:
        msg = str(rec["error"]).replace("|", "\\|")
        print(f"error (exit {rc}): {msg[:110]}")
    else:
        print(f"score {rec['score']:.4f} (exit {rc})")
except Exception as e:
    print(f"**no valid output (exit {rc})**")
PY
)
    fi
    tflag="" mflag=""
    awk -v s="${secs:-999}" 'BEGIN { exit !(s > 1.0) }' && tflag=" !!"
    awk -v m="$mb" 'BEGIN { exit !(m > 100.0) }' && mflag=" !!"
    if [ -n "$tflag$mflag" ]; then over=$((over + 1)); fi
    total=$((total + 1))
    printf '| %s | %s | %s%s | %s%s | %s |\n' "$name" "$prof" "${secs:-?}" "$tflag" "$mb" "$mflag" "$result"
  done
  rm -rf "$dir"
done < <(python3 "$CATALOG" list)
printf '\n%d runs, %d over 1 s or 100 MB (marked !!)\n' "$total" "$over"
