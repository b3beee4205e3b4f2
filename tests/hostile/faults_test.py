#!/usr/bin/env python3
"""ctest `faults`: I/O faults around a batch, through the built binary.

  - unreadable files and directories (as root, permissions do not bite: the
    test drops privileges with `setpriv` to nobody when it runs as root, and
    says so when it cannot),
  - a FIFO named SKILL.md (must not block), a directory named SKILL.md,
  - symlink loops (files and directories), a dangling symlink,
  - files deleted or rewritten while the batch runs,
  - an output directory that is not writable, a full disk (a 16 KiB tmpfs in
    a private mount namespace when `unshare` allows it, and a file-size rlimit),
  - SIGINT / SIGTERM in the middle of a batch: exit 2 with a clear message,
    and never a truncated quality_assessment.json,
  - output paths never escape --output-dir (skill paths with `..`, absolute
    paths, a symlink planted in the output tree).

Every run must end within --timeout seconds and never die of a signal.

  faults_test.py --bin build/skillscore --source . [--only NAME...] [-v]
"""

from __future__ import annotations

import argparse
import glob
import json
import os
import shutil
import signal
import stat
import subprocess
import sys
import tempfile
import threading
import time
import traceback

ARGS = None
COMMON = ["--no-config", "--fail-on", "none"]
NOBODY = 65534


class Skip(Exception):
    pass


def sample_text() -> str:
    with open(os.path.join(ARGS.source, "samples", "excellent-git-bisect", "SKILL.md"), encoding="utf-8") as f:
        return f.read()


def make_skills(root: str, n: int, text: str | None = None, prefix: str = "s") -> list[str]:
    text = sample_text() if text is None else text
    paths = []
    for i in range(n):
        d = os.path.join(root, f"{prefix}{i:05d}")
        os.makedirs(d, exist_ok=True)
        p = os.path.join(d, "SKILL.md")
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)
        paths.append(p)
    return paths


def can_drop_privileges() -> bool:
    if os.geteuid() != 0:
        return False
    if not shutil.which("setpriv"):
        return False
    r = subprocess.run(["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--", "true"],
                       capture_output=True)
    return r.returncode == 0


def as_unprivileged(cmd: list[str]) -> list[str]:
    """Runs cmd so that file permissions apply: as nobody when we are root."""
    if os.geteuid() != 0:
        return cmd
    if not can_drop_privileges():
        raise Skip("running as root and setpriv cannot drop privileges: permissions cannot be tested")
    return ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups", "--"] + cmd


def open_tree(path: str) -> None:
    """Makes a temporary tree readable (and traversable) by nobody."""
    for root, dirs, files in os.walk(path):
        os.chmod(root, 0o755)
        for f in files:
            p = os.path.join(root, f)
            if not os.path.islink(p) and os.path.isfile(p):
                os.chmod(p, 0o644)


class Run:
    def __init__(self, cmd, rc, out, err, secs):
        self.cmd, self.rc, self.out, self.err, self.secs = cmd, rc, out, err, secs

    def records(self):
        recs = []
        for line in self.out.splitlines():
            if line.strip():
                try:
                    recs.append(json.loads(line))
                except ValueError:
                    raise AssertionError(f"stdout is not JSON Lines: {line[:120]!r}")
        return recs

    def by_path(self):
        return {r.get("path"): r for r in self.records()}


def run(cmd, cwd=None, timeout=None, prefix=None, during=None) -> Run:
    timeout = timeout or ARGS.timeout
    full = (prefix or []) + cmd
    start = time.monotonic()
    proc = subprocess.Popen(full, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, stdin=subprocess.DEVNULL,
                            start_new_session=True)
    if during:
        during(proc)
    try:
        out, err = proc.communicate(timeout=timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError(f"did not finish within {timeout:g} s: {' '.join(full)}")
    r = Run(full, proc.returncode, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"),
            time.monotonic() - start)
    if r.rc < 0:
        raise AssertionError(f"killed by signal {signal.Signals(-r.rc).name}: {' '.join(full)}\nstderr: {r.err[-500:]}")
    if ARGS.verbose:
        print(f"    $ {' '.join(full)}  -> {r.rc} in {r.secs:.2f} s")
        for line in r.err.strip().splitlines()[:6]:
            print(f"      {line[:200]}")
    return r


def expect_rc(r: Run, *codes):
    assert r.rc in codes, f"exit {r.rc}, expected {' or '.join(map(str, codes))}\nstderr: {r.err[-800:]}"


def expect_error_for(r: Run, path: str, *words):
    rec = r.by_path().get(path)
    assert rec is not None, f"no record for {path}; records: {list(r.by_path())[:5]}"
    assert "error" in rec, f"{path} should be an error, got {str(rec)[:200]}"
    msg = str(rec["error"]).lower()
    for w in words:
        assert w.lower() in msg, f"the error for {path} should mention {w!r}: {rec['error']!r}"
    assert path in r.err, f"stderr does not name {path}: {r.err[-400:]}"


def expect_scored(r: Run, path: str):
    rec = r.by_path().get(path)
    assert rec is not None and isinstance(rec.get("score"), (int, float)), f"{path} should be scored: {str(rec)[:200]}"


def json_files_valid(root: str, name: str = "quality_assessment.json") -> int:
    """Every assessment file under root parses as JSON; no temporary file is left. Returns the count."""
    n = 0
    for p in glob.glob(os.path.join(root, "**", name), recursive=True):
        with open(p, "rb") as f:
            data = f.read()
        try:
            obj = json.loads(data)
        except ValueError as e:
            raise AssertionError(f"{p} is not valid JSON ({e}); {len(data)} bytes, ends {data[-60:]!r}")
        assert isinstance(obj, dict) and "score" in obj, f"{p} is not an assessment"
        n += 1
    leftovers = [p for p in glob.glob(os.path.join(root, "**", ".*.tmp.*"), recursive=True)]
    assert not leftovers, f"temporary files left behind: {leftovers[:5]}"
    return n


# --- the tests ---------------------------------------------------------------

def test_fifo_named_skill_md(tmp):
    make_skills(tmp, 1, prefix="ok")
    fifo_dir = os.path.join(tmp, "fifo")
    os.makedirs(fifo_dir)
    fifo = os.path.join(fifo_dir, "SKILL.md")
    os.mkfifo(fifo)
    r = run([ARGS.bin, "check", tmp, "--format", "jsonl", "-j", "2"] + COMMON, timeout=20)
    expect_rc(r, 2)
    expect_error_for(r, fifo)
    expect_scored(r, os.path.join(tmp, "ok00000", "SKILL.md"))
    # Named on the command line, too.
    r = run([ARGS.bin, "check", fifo, "--format", "jsonl"] + COMMON, timeout=20)
    expect_rc(r, 2)
    expect_error_for(r, fifo)


def test_directory_named_skill_md(tmp):
    make_skills(tmp, 1, prefix="ok")
    d = os.path.join(tmp, "dir", "SKILL.md")
    os.makedirs(d)
    r = run([ARGS.bin, "check", tmp, "--format", "jsonl"] + COMMON)
    expect_rc(r, 2)
    expect_error_for(r, d)
    expect_scored(r, os.path.join(tmp, "ok00000", "SKILL.md"))
    # Named on the command line, a directory is a directory to walk (README:
    # "A PATH is a file ... or a directory"): walking it must simply not fail.
    r = run([ARGS.bin, "check", d, "--format", "jsonl"] + COMMON)
    expect_rc(r, 0, 2)


def test_unreadable_file(tmp):
    paths = make_skills(tmp, 2)
    os.chmod(paths[1], 0)
    open_tree(tmp)
    os.chmod(paths[1], 0)
    r = run(as_unprivileged([ARGS.bin, "check", tmp, "--format", "jsonl"] + COMMON))
    expect_rc(r, 2)
    expect_error_for(r, paths[1], "permission")
    expect_scored(r, paths[0])


def test_unreadable_directory(tmp):
    paths = make_skills(tmp, 2)
    open_tree(tmp)
    locked = os.path.dirname(paths[1])
    os.chmod(locked, 0)
    try:
        r = run(as_unprivileged([ARGS.bin, "check", tmp, "--format", "jsonl"] + COMMON))
    finally:
        os.chmod(locked, 0o755)
    expect_rc(r, 2)
    assert locked in r.err, f"stderr should name the unreadable directory {locked}: {r.err[-400:]}"
    expect_scored(r, paths[0])


def expect_reported(r: Run, path: str):
    """A problem found while discovering files: an error on stderr naming the path
    (a JSON Lines record is better still, but not required here)."""
    rec = r.by_path().get(path)
    if rec is not None:
        assert "error" in rec, f"{path} should be an error, got {str(rec)[:200]}"
    assert path in r.err and "error" in r.err, f"stderr should report {path}: {r.err[-400:]}"


def test_symlink_loop_files(tmp):
    paths = make_skills(tmp, 1, prefix="ok")
    d = os.path.join(tmp, "loop")
    os.makedirs(d)
    os.symlink("other.md", os.path.join(d, "SKILL.md"))
    os.symlink("SKILL.md", os.path.join(d, "other.md"))
    r = run([ARGS.bin, "check", tmp, "--format", "jsonl"] + COMMON)
    expect_rc(r, 2)
    expect_reported(r, os.path.join(d, "SKILL.md"))
    expect_scored(r, paths[0])
    # Named on the command line.
    r = run([ARGS.bin, "check", os.path.join(d, "SKILL.md"), "--format", "jsonl"] + COMMON)
    expect_rc(r, 2)
    expect_reported(r, os.path.join(d, "SKILL.md"))


def test_symlink_loop_directories(tmp):
    paths = make_skills(tmp, 1, prefix="ok")
    os.symlink("..", os.path.join(tmp, "ok00000", "up"))
    os.symlink(tmp, os.path.join(tmp, "ok00000", "root"))
    r = run([ARGS.bin, "check", tmp, "--format", "jsonl"] + COMMON)
    expect_rc(r, 0, 2)
    expect_scored(r, paths[0])


def test_dangling_symlink(tmp):
    make_skills(tmp, 1, prefix="ok")
    d = os.path.join(tmp, "dangling")
    os.makedirs(d)
    os.symlink("nowhere.md", os.path.join(d, "SKILL.md"))
    r = run([ARGS.bin, "check", tmp, "--format", "jsonl"] + COMMON)
    expect_rc(r, 2)
    expect_reported(r, os.path.join(d, "SKILL.md"))


def test_files_deleted_during_batch(tmp):
    big = sample_text() + ("\nfiller line for a slower batch\n" * 20000)
    paths = make_skills(tmp, 150, text=big)

    def delete_later(proc):
        def go():
            time.sleep(0.3)
            for p in paths[75:]:
                try:
                    os.unlink(p)
                except OSError:
                    pass
        threading.Thread(target=go, daemon=True).start()

    r = run([ARGS.bin, "check", tmp, "--format", "jsonl", "-j", "1"] + COMMON, during=delete_later)
    expect_rc(r, 0, 2)
    recs = r.records()
    for rec in recs:
        assert "error" in rec or "score" in rec, f"bad record {str(rec)[:200]}"
    errors = [x for x in recs if "error" in x]
    if errors:
        assert r.rc == 2, "files that vanished are errors: exit 2"
    assert len(recs) <= 150


def test_files_changed_during_batch(tmp):
    big = sample_text() + ("\nfiller line for a slower batch\n" * 20000)
    paths = make_skills(tmp, 100, text=big)
    stop = threading.Event()

    def rewrite(proc):
        def go():
            i = 0
            while not stop.is_set() and proc.poll() is None:
                p = paths[i % len(paths)]
                i += 1
                try:
                    with open(p, "wb") as f:  # truncate, then grow: readers see any prefix
                        f.write(b"---\nname: changed\n---\n")
                        f.write(b"\xff\xfe" if i % 3 == 0 else b"# Now different\n" * (i % 500))
                except OSError:
                    pass
        threading.Thread(target=go, daemon=True).start()

    try:
        r = run([ARGS.bin, "score", tmp, "--format", "jsonl", "-j", "2"] + COMMON, during=rewrite)
    finally:
        stop.set()
    expect_rc(r, 0, 2)
    for rec in r.records():
        assert "error" in rec or "score" in rec
    json_files_valid(tmp)


def test_output_dir_is_a_file(tmp):
    paths = make_skills(tmp, 2)
    out = os.path.join(tmp, "out-file")
    with open(out, "w") as f:
        f.write("not a directory\n")
    r = run([ARGS.bin, "score", tmp + "/s00000", tmp + "/s00001", "--output-dir", out, "--format", "jsonl"] + COMMON)
    expect_rc(r, 2)
    assert out in r.err, f"stderr should name {out}: {r.err[-400:]}"
    assert not os.path.exists(os.path.join(os.path.dirname(paths[0]), "quality_assessment.json"))


def test_output_dir_not_writable(tmp):
    paths = make_skills(tmp, 2)
    out = os.path.join(tmp, "readonly-out")
    os.makedirs(out)
    open_tree(tmp)
    os.chmod(out, 0o555)
    r = run(as_unprivileged([ARGS.bin, "score", tmp, "--output-dir", out, "--format", "jsonl"] + COMMON))
    expect_rc(r, 2)
    assert out in r.err, f"stderr should name {out}: {r.err[-400:]}"
    # The scores are still reported.
    for p in paths:
        expect_scored(r, p)


def give_to_nobody(path: str) -> None:
    """The unprivileged run must be able to write where it should."""
    if os.geteuid() != 0:
        return
    for root, dirs, files in os.walk(path):
        os.chown(root, NOBODY, NOBODY)
        for f in files:
            os.chown(os.path.join(root, f), NOBODY, NOBODY)


def test_skill_directory_not_writable(tmp):
    paths = make_skills(tmp, 2)
    open_tree(tmp)
    give_to_nobody(tmp)
    os.chmod(os.path.dirname(paths[1]), 0o555)
    r = run(as_unprivileged([ARGS.bin, "score", tmp, "--format", "jsonl"] + COMMON))
    expect_rc(r, 2)
    assert paths[1] in r.err or os.path.dirname(paths[1]) in r.err, f"stderr should name it: {r.err[-400:]}"
    json_files_valid(tmp)
    assert os.path.exists(os.path.join(os.path.dirname(paths[0]), "quality_assessment.json")), \
        "the writable skill directory should get its assessment"


def test_disk_full_tmpfs(tmp):
    if not shutil.which("unshare"):
        raise Skip("unshare not available")
    paths = make_skills(tmp, 40)
    out = os.path.join(tmp, "full")
    os.makedirs(out)
    probe = subprocess.run(["unshare", "-m", "sh", "-c", f"mount -t tmpfs -o size=16k tmpfs {out}"],
                           capture_output=True)
    if probe.returncode != 0:
        raise Skip("cannot mount a tmpfs in a private mount namespace: " + probe.stderr.decode()[:100])
    check = os.path.join(tmp, "check.py")
    with open(check, "w") as f:
        f.write(
            "import glob, json, os, sys\n"
            "bad = []\n"
            "files = glob.glob(sys.argv[1] + '/**/quality_assessment.json', recursive=True)\n"
            "for p in files:\n"
            "    try: json.load(open(p))\n"
            "    except Exception as e: bad.append(p)\n"
            "tmp = glob.glob(sys.argv[1] + '/**/.*.tmp.*', recursive=True)\n"
            "print(len(files), len(bad), len(tmp))\n")
    script = (f"mount -t tmpfs -o size=16k tmpfs {out} && "
              f"{ARGS.bin} score {tmp} --output-dir {out} --format jsonl --no-config --fail-on none "
              f"--exclude full > {tmp}/stdout 2> {tmp}/stderr; echo $? > {tmp}/rc; "
              f"python3 {check} {out} > {tmp}/check")
    r = run(["unshare", "-m", "sh", "-c", script])
    rc = int(open(os.path.join(tmp, "rc")).read())
    err = open(os.path.join(tmp, "stderr")).read()
    written, bad, leftovers = map(int, open(os.path.join(tmp, "check")).read().split())
    assert rc == 2, f"a full disk must exit 2, got {rc}: {err[-400:]}"
    assert written < len(paths), "the tmpfs should have filled up"
    assert bad == 0, f"{bad} truncated quality_assessment.json on the full disk"
    assert leftovers == 0, f"{leftovers} temporary files left on the full disk"
    assert "space" in err.lower(), f"stderr should say the disk is full: {err[-300:]}"
    del r


def test_disk_full_fsize_rlimit(tmp):
    if not shutil.which("prlimit"):
        raise Skip("prlimit not available")
    make_skills(tmp, 5)
    # Each assessment is several KiB: a 2 KiB file-size limit fails every write.
    r = run(["prlimit", "--fsize=2048", "--", ARGS.bin, "score", tmp, "--format", "jsonl"] + COMMON)
    expect_rc(r, 2)
    json_files_valid(tmp)
    assert "large" in r.err.lower() or "quality_assessment" in r.err, f"stderr should say why: {r.err[-400:]}"


def _signal_mid_batch(tmp, sig):
    paths = make_skills(tmp, 3000)
    report = os.path.join(tmp, "report.sarif")

    def send(proc):
        deadline = time.monotonic() + 10
        first = os.path.join(os.path.dirname(paths[0]), "quality_assessment.json")
        while time.monotonic() < deadline and not os.path.exists(first) and proc.poll() is None:
            time.sleep(0.01)
        time.sleep(0.2)
        if proc.poll() is None:
            os.kill(proc.pid, sig)

    cmd = [ARGS.bin, "score", tmp, "--format", "jsonl", "-j", "2", "--output", "sarif:" + report] + COMMON
    start = time.monotonic()
    proc = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, start_new_session=True)
    send(proc)
    try:
        out, err = proc.communicate(timeout=ARGS.timeout)
    except subprocess.TimeoutExpired:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.communicate()
        raise AssertionError(f"did not stop within {ARGS.timeout:g} s of {sig.name}")
    err = err.decode("utf-8", "replace")
    written = json_files_valid(tmp)
    if ARGS.verbose:
        print(f"    {sig.name}: exit {proc.returncode} after {time.monotonic() - start:.2f} s, {written} written")
    assert proc.returncode >= 0, (f"killed by {signal.Signals(-proc.returncode).name} instead of exiting 2 "
                                  f"({written} assessments written, all valid)")
    assert proc.returncode == 2, f"exit {proc.returncode} after {sig.name}, expected 2"
    assert "interrupt" in err.lower() or sig.name in err or "signal" in err.lower(), \
        f"stderr should say the run was interrupted: {err[-300:]}"
    if os.path.exists(report):
        with open(report, "rb") as f:
            json.loads(f.read())


def test_sigint_mid_batch(tmp):
    _signal_mid_batch(tmp, signal.SIGINT)


def test_sigterm_mid_batch(tmp):
    _signal_mid_batch(tmp, signal.SIGTERM)


def _all_assessments(root):
    return [os.path.realpath(p) for p in glob.glob(os.path.join(root, "**", "quality_assessment.json"),
                                                     recursive=True)]


def test_output_paths_never_escape(tmp):
    work = os.path.join(tmp, "work")
    skills = os.path.join(tmp, "skills")
    os.makedirs(work)
    make_skills(skills, 2)
    out = os.path.join(work, "out")
    # 1. Relative paths with `..`, from a sibling directory.
    r = run([ARGS.bin, "score", "../skills/s00000/SKILL.md", "--output-dir", "out", "--format", "jsonl"] + COMMON,
            cwd=work)
    expect_rc(r, 0)
    # 2. An absolute path; 3. a path that climbs above the root.
    r = run([ARGS.bin, "score", os.path.join(skills, "s00001", "SKILL.md"), "--output-dir", out,
             "--format", "jsonl"] + COMMON, cwd=work)
    expect_rc(r, 0)
    deep = "../" * 40 + skills.lstrip("/") + "/s00000/SKILL.md"
    r = run([ARGS.bin, "score", deep, "--output-dir", out, "--format", "jsonl"] + COMMON, cwd=work)
    expect_rc(r, 0)
    real_out = os.path.realpath(out)
    for p in _all_assessments(tmp):
        assert p.startswith(real_out + os.sep), f"{p} was written outside --output-dir {real_out}"
    assert len(_all_assessments(out)) >= 2


def test_output_dir_symlink_not_followed_out(tmp):
    skills = os.path.join(tmp, "skills")
    paths = make_skills(skills, 1)
    out = os.path.join(tmp, "out")
    outside = os.path.join(tmp, "outside")
    os.makedirs(outside)
    # Plant a symlink where the mirrored tree will go: out/<...>/s00000 -> outside.
    rel = os.path.dirname(paths[0]).lstrip("/")
    link = os.path.join(out, rel)
    os.makedirs(os.path.dirname(link))
    os.symlink(outside, link)
    r = run([ARGS.bin, "score", paths[0], "--output-dir", out, "--format", "jsonl"] + COMMON)
    expect_rc(r, 0, 2)
    leaked = os.listdir(outside)
    assert not leaked, f"wrote through a symlink in --output-dir to {outside}: {leaked}"


TESTS = [v for k, v in sorted(globals().items()) if k.startswith("test_") and callable(v)]
ORDER = [
    "fifo_named_skill_md", "directory_named_skill_md", "unreadable_file", "unreadable_directory",
    "symlink_loop_files", "symlink_loop_directories", "dangling_symlink", "files_deleted_during_batch",
    "files_changed_during_batch", "output_dir_is_a_file", "output_dir_not_writable",
    "skill_directory_not_writable", "disk_full_tmpfs", "disk_full_fsize_rlimit", "sigint_mid_batch",
    "sigterm_mid_batch", "output_paths_never_escape", "output_dir_symlink_not_followed_out",
]


def main() -> int:
    global ARGS
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--only", nargs="*", default=None)
    ap.add_argument("--timeout", type=float, default=60.0)
    ap.add_argument("-v", "--verbose", action="store_true")
    ARGS = ap.parse_args()
    ARGS.bin = os.path.abspath(ARGS.bin)
    ARGS.source = os.path.abspath(ARGS.source)

    failed = skipped = passed = 0
    for name in ORDER:
        if ARGS.only and name not in ARGS.only:
            continue
        fn = globals()["test_" + name]
        tmp = tempfile.mkdtemp(prefix="skillscore-faults-")
        start = time.monotonic()
        try:
            fn(tmp)
            print(f"ok   {name:42} {time.monotonic() - start:6.2f} s", flush=True)
            passed += 1
        except Skip as e:
            print(f"skip {name:42} {e}", flush=True)
            skipped += 1
        except AssertionError as e:
            print(f"FAIL {name:42} {time.monotonic() - start:6.2f} s  {str(e).strip()}", flush=True)
            failed += 1
        except Exception:
            print(f"FAIL {name:42} (test error)\n{traceback.format_exc()}", flush=True)
            failed += 1
        finally:
            for root, dirs, _ in os.walk(tmp):
                for d in dirs:
                    p = os.path.join(root, d)
                    if not os.path.islink(p):
                        try:
                            os.chmod(p, 0o755)
                        except OSError:
                            pass
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"\n{passed} passed, {failed} failed, {skipped} skipped")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
