#!/usr/bin/env python3
"""The numbers behind scripts/bench.sh: throughput, latency, memory and
linearity of skillscore, with ratios to the Python reference and to `cat`.
Everything is measured in this one run, on this machine."""
import argparse
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
# The shared corpus and reference tools sit beside the checkout, or beside the
# directory of worktrees (a checkout in WORK/wt/NAME).
SHARED = next((d for d in (os.path.join(ROOT, "..", "shared"), os.path.join(ROOT, "..", "..", "shared"))
               if os.path.isdir(d)), os.path.join(ROOT, "..", "shared"))


def files_under(root):
    out = []
    for d, dirs, fs in os.walk(root):
        dirs[:] = [x for x in dirs if x not in (".git", ".hg", ".svn", "node_modules")]
        out += [os.path.join(d, f) for f in fs if f in ("SKILL.md", "skill.md")]
    return sorted(out)


def timed(cmd, cwd=None, stdin=None):
    """Wall seconds of one run, spawned and reaped directly: no /usr/bin/time
    process or shell adds its own start-up to a few-millisecond run."""
    exe = cmd[0] if os.sep in cmd[0] else shutil.which(cmd[0])
    devnull = os.open(os.devnull, os.O_RDWR)
    try:
        actions = [(os.POSIX_SPAWN_DUP2, stdin if stdin is not None else devnull, 0),
                   (os.POSIX_SPAWN_DUP2, devnull, 1), (os.POSIX_SPAWN_DUP2, devnull, 2)]
        old = os.getcwd()
        if cwd:
            os.chdir(cwd)
        try:
            start = time.perf_counter()
            pid = os.posix_spawn(exe, cmd, os.environ, file_actions=actions)
            os.waitpid(pid, 0)
            wall = time.perf_counter() - start
        finally:
            os.chdir(old)
    finally:
        os.close(devnull)
    return wall


def peak_rss(cmd, cwd=None):
    """Peak RSS (KB) of one run, via /usr/bin/time: a child spawned by this
    Python process would count Python's own pages from before its exec."""
    t = shutil.which("time") or "/usr/bin/time"
    with tempfile.NamedTemporaryFile("r") as f:
        subprocess.run([t, "-o", f.name, "-f", "%M", *cmd], cwd=cwd, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL)
        return int((f.read().strip().splitlines() or ["0"])[-1])


def median_run(cmd, runs, cwd=None):
    walls = [timed(cmd, cwd) for _ in range(runs)]
    return statistics.median(walls), peak_rss(cmd, cwd)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--corpus", default=os.path.join(SHARED, "corpus", "public"))
    ap.add_argument("--reference", default="/tmp/ref/skill_quality.py")
    ap.add_argument("--runs", type=int, default=3)
    a = ap.parse_args()
    bin_ = os.path.abspath(a.bin)
    corpus = os.path.abspath(a.corpus)
    files = files_under(corpus)
    nbytes = sum(os.path.getsize(f) for f in files)
    cores = os.cpu_count() or 1
    have_ref = os.path.isfile(a.reference)
    print(f"machine: {cores} cores, {os.uname().machine}, {os.uname().release}")
    print(f"corpus: {corpus}: {len(files)} files, {nbytes / 1e6:.1f} MB; median of {a.runs} runs\n")

    lst = tempfile.NamedTemporaryFile("w", suffix=".txt", delete=False)
    lst.write("\n".join(os.path.relpath(f, corpus) for f in files))
    lst.close()

    rows = []
    # cat: the floor, reading every file once.
    cat_wall, cat_rss = median_run(["sh", "-c", f"xargs -a {lst.name} -d '\\n' cat > /dev/null"], a.runs, cwd=corpus)
    rows.append(("cat (read only)", cat_wall, cat_rss))
    ref_wall = None
    if have_ref:
        refscore = os.path.join(SHARED, "reference", "refscore.py")
        ref_wall, ref_rss = median_run([sys.executable, refscore, "--module", a.reference, "--root", ".",
                                        "--list", lst.name, "--out", "/dev/null"], max(1, a.runs // 2), cwd=corpus)
        rows.append(("reference (Python)", ref_wall, ref_rss))
    base = [bin_, "check", ".", "--no-config", "--fail-on", "none", "--format", "jsonl"]
    for jobs in sorted({1, cores}):
        w, r = median_run(base + ["-j", str(jobs)], a.runs, cwd=corpus)
        rows.append((f"skillscore -j{jobs}", w, r))

    print(f"| run | wall (s) | files/s | MB/s | peak RSS (MB) | vs reference | vs cat |")
    print(f"| --- | ---: | ---: | ---: | ---: | ---: | ---: |")
    for name, wall, rss in rows:
        vs_ref = f"{ref_wall / wall:.1f}x" if ref_wall else "-"
        vs_cat = f"{wall / cat_wall:.1f}x cat"
        print(f"| {name} | {wall:.3f} | {len(files) / wall:,.0f} | {nbytes / 1e6 / wall:.1f} | {rss / 1024:.1f} | "
              f"{vs_ref} | {vs_cat} |")

    # One file, whole process: what a pre-commit hook pays.
    one = files[len(files) // 2]
    n = 30
    sk = [timed([bin_, "check", one, "--no-config", "-q", "--fail-on", "none"]) for _ in range(n)]
    floor = [timed(["/bin/true"]) for _ in range(n)]
    print(f"\none file, whole process ({os.path.relpath(one, corpus)}, {os.path.getsize(one)} bytes), median of {n}:")
    print(f"  skillscore: {statistics.median(sk) * 1000:.1f} ms (spawning /bin/true the same way: "
          f"{statistics.median(floor) * 1000:.1f} ms)")
    if have_ref:
        refscore = os.path.join(SHARED, "reference", "refscore.py")
        rf = [timed([sys.executable, refscore, "--module", a.reference, "--root", corpus, one, "--out", "/dev/null"])
              for _ in range(5)]
        print(f"  reference (python start-up + scoring): {statistics.median(rf) * 1000:.1f} ms "
              f"({statistics.median(rf) / statistics.median(sk):.0f}x)")

    # The slowest file for the reference, and linearity on large inputs.
    biggest = max(files, key=os.path.getsize)
    cmd = [bin_, "check", biggest, "--no-config", "-q", "--fail-on", "none"]
    w, _ = median_run(cmd, 9)
    loops = []
    for _ in range(9):  # the scoring alone: read, parse, rules, as --profile-time reports it
        p = subprocess.run(cmd + ["--profile-time"], capture_output=True, text=True)
        loops += [float(l.split("wall ")[1].split(" ms")[0]) for l in p.stderr.splitlines() if "(scoring loop)" in l]
    loop = f", scoring {statistics.median(loops):.1f} ms" if loops else ""
    print(f"\nlargest file ({os.path.getsize(biggest) / 1e3:.0f} KB): skillscore {w * 1000:.1f} ms whole process{loop}")
    tmp = tempfile.mkdtemp(prefix="skillscore-bench-")
    try:
        body = "".join(open(f, encoding="utf-8", errors="replace").read() for f in files[:400])
        hostile = [("realistic", body, None), ("hostile ❌ x", "❌ x " * 300000, None),
                   ("hostile [", "[" * 1000000, None), ("hostile ...", "... " * 300000, None),
                   ("hostile ```", "```\n" * 300000, None),
                   # budgets counts tokens: a file that is one run of punctuation is one BPE piece, its worst case.
                   ("budgets [", "[" * 1000000, "budgets")]
        print("\nlinearity (whole process) for 1, 2, 4, 8 MB: wall ms, then peak RSS MB")
        for name, seed, profile in hostile:
            times, rss = [], []
            for mb in (1, 2, 4, 8):
                text = (seed * (mb * 1_000_000 // max(1, len(seed.encode())) + 1))
                data = text.encode()[: mb * 1_000_000]
                data = data.decode("utf-8", errors="ignore").encode()
                path = os.path.join(tmp, f"{mb}", "SKILL.md")
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "wb") as f:
                    f.write(b"---\nname: x\ndescription: Use when testing\n---\n" + data)
                cmd = [bin_, "check", path, "--no-config", "-q", "--fail-on", "none",
                       "--max-file-size", str(20 << 20)] + (["--profile", profile] if profile else [])
                w, r = median_run(cmd, 3)
                times.append(w * 1000)
                rss.append(r / 1024)
            print(f"  {name:14s} " + "  ".join(f"{t:7.1f}" for t in times) +
                  f"   (8 MB / 1 MB = {times[3] / times[0]:.1f})   RSS " +
                  " ".join(f"{m:.1f}" for m in rss))
    finally:
        shutil.rmtree(tmp, ignore_errors=True)

    print("\nwhere the time goes (skillscore --profile-time, -j1):")
    p = subprocess.run(base + ["-j", "1", "--profile-time"], cwd=corpus, capture_output=True, text=True)
    for line in p.stderr.splitlines():
        if line.startswith("profile-time:"):
            print("  " + line[len("profile-time: "):])
    os.unlink(lst.name)


if __name__ == "__main__":
    main()
