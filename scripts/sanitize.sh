#!/usr/bin/env bash
# Builds skillscore and its whole test suite with AddressSanitizer and
# UndefinedBehaviorSanitizer into build-asan/ (g++: Debian's gcc ships
# libasan8 and libubsan1, so CI needs no clang), then runs ctest there.
# Any ASan/UBSan report fails the test that triggered it (halt_on_error).
# With SANITIZE=thread: ThreadSanitizer instead (libtsan2), into build-tsan/.
#
#   scripts/sanitize.sh              build + every test
#   scripts/sanitize.sh -R hostile   extra arguments go to ctest
#   SANITIZE=thread scripts/sanitize.sh -R "unit_threads|parity"
#
# Environment: SANITIZE (address,undefined or thread), BUILD_DIR (default
# build-asan or build-tsan), CXX (default g++), JOBS.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
SANITIZE="${SANITIZE:-address,undefined}"
case "$SANITIZE" in
  address,undefined) default_dir=build-asan; runtimes="libasan8 libubsan1" ;;
  thread) default_dir=build-tsan; runtimes="libtsan2" ;;
  *) echo "sanitize.sh: SANITIZE is address,undefined or thread, not '$SANITIZE'" >&2; exit 2 ;;
esac
BUILD_DIR="${BUILD_DIR:-$default_dir}"
CXX_BIN="${CXX:-g++}"
JOBS="${JOBS:-$(nproc)}"

if ! command -v "$CXX_BIN" >/dev/null 2>&1; then
  echo "sanitize.sh: $CXX_BIN not found (apt-get install g++)" >&2
  exit 2
fi
# The sanitizer runtimes: a program that links and runs with both.
probe_dir=$(mktemp -d)
trap 'rm -rf "$probe_dir"' EXIT
printf 'int main() { return 0; }\n' >"$probe_dir/p.cpp"
if ! "$CXX_BIN" -fsanitize="$SANITIZE" "$probe_dir/p.cpp" -o "$probe_dir/p" 2>"$probe_dir/err" || ! "$probe_dir/p"; then
  cat "$probe_dir/err" >&2
  echo "sanitize.sh: $CXX_BIN cannot build with -fsanitize=$SANITIZE (apt-get install $runtimes)" >&2
  exit 2
fi

generator=()
if command -v ninja >/dev/null 2>&1; then generator=(-G Ninja); fi
python=()
if [ -x /usr/bin/python3 ]; then python=(-DPython3_EXECUTABLE=/usr/bin/python3); fi
flags="-fsanitize=$SANITIZE -fno-omit-frame-pointer"
if [ "$SANITIZE" != thread ]; then flags="$flags -fno-sanitize-recover=all"; fi
if [ ! -f "$BUILD_DIR/CMakeCache.txt" ]; then
  cmake -S . -B "$BUILD_DIR" "${generator[@]}" "${python[@]}" \
    -DCMAKE_CXX_COMPILER="$CXX_BIN" \
    -DCMAKE_BUILD_TYPE=Sanitize \
    -DCMAKE_CXX_FLAGS_SANITIZE="-O1 -g $flags" \
    -DCMAKE_EXE_LINKER_FLAGS_SANITIZE="$flags" \
    -DCMAKE_SHARED_LINKER_FLAGS_SANITIZE="$flags" \
    -DSKILLSCORE_STATIC=OFF -DSKILLSCORE_BUILD_TESTS=ON -DSKILLSCORE_BUILD_PYTHON=OFF >/dev/null
fi
cmake --build "$BUILD_DIR" -j "$JOBS"
built=$(date +%s)

# detect_leaks: LeakSanitizer at exit. halt_on_error: the first report ends the
# program with a failure. hard_rss_limit_mb: a runaway allocation (yaml-cpp's
# LoadAll loop) ends with a report instead of exhausting the machine.
# The Python tests cap the address space of what they run, which
# AddressSanitizer's shadow memory cannot live with: turn that off.
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:halt_on_error=1:abort_on_error=0:hard_rss_limit_mb=3072}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"
export LSAN_OPTIONS="${LSAN_OPTIONS:-}"
export TSAN_OPTIONS="${TSAN_OPTIONS:-halt_on_error=1:second_deadlock_stack=1}"
export SKILLSCORE_TEST_NO_RLIMIT=1
status=0
(cd "$BUILD_DIR" && ctest --output-on-failure -j "$JOBS" "$@") || status=$?
end=$(date +%s)
echo "sanitize.sh: build $((built - start)) s, tests $((end - built)) s, total $((end - start)) s; ctest exit $status"
exit "$status"
