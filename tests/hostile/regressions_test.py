#!/usr/bin/env python3
"""ctest `hostile_regressions`: replays every file of tests/hostile/regressions/
(inputs found by the fuzzers, or reported bugs) through the built binary.

The prefix of a file's name says how it is replayed:
  document-*, scorer-*  as a SKILL.md, with the default profile and the AST profile
  frontmatter-*         as the frontmatter of a SKILL.md ("---\\n" + it + "\\n---\\n"), and
                        straight into load_yaml through tests/tools/yaml_probe (--probe)
  rules-*               as a rule file (--rules) on samples/excellent-git-bisect/SKILL.md
Each run must finish within --timeout seconds and --max-rss MB, not die of a
signal, exit 0 or 2, and print valid JSON Lines.

  regressions_test.py --bin build/skillscore --source .
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from hostile_test import run_measured  # noqa: E402  (GNU time's peak RSS)

# Every run gets an address-space cap, so that a runaway allocation (yaml-cpp's
# LoadAll loop allocates without bound) fails the test instead of the machine.
# Off under AddressSanitizer, which reserves terabytes of address space:
# scripts/sanitize.sh sets SKILLSCORE_TEST_NO_RLIMIT=1.
MEMORY_CAP = 4 << 30


def memory_cap():
    if os.environ.get("SKILLSCORE_TEST_NO_RLIMIT") or not shutil.which("prlimit"):
        return []
    return ["prlimit", f"--as={MEMORY_CAP}", "--"]


def replay(args, name, path, tmp):
    src = os.path.join(args.source, "tests", "hostile")
    runs = []
    skill = os.path.join(tmp, "SKILL.md")
    with open(path, "rb") as f:
        data = f.read()
    if name.startswith(("document-", "scorer-")):
        with open(skill, "wb") as f:
            f.write(data)
        runs = [[], ["--rules", os.path.join(src, "ast-profile.yaml")]]
    elif name.startswith("frontmatter-"):
        with open(skill, "wb") as f:
            f.write(b"---\n" + data + b"\n---\n# Body\n")
        runs = [[], ["--rules", os.path.join(src, "ast-profile.yaml")]]
    elif name.startswith("rules-"):
        shutil.copy(os.path.join(args.source, "samples", "excellent-git-bisect", "SKILL.md"), skill)
        runs = [["--rules", path]]
    else:
        return [f"FAIL {name}: unknown prefix (document-, scorer-, frontmatter-, rules-)"]
    lines = []
    if name.startswith("frontmatter-") and args.probe:
        yaml_file = os.path.join(tmp, "frontmatter.yaml")
        with open(yaml_file, "wb") as f:
            f.write(data)
        rc, out, _, secs, rss = run_measured(memory_cap() + ["sh", "-c", 'exec "$0" < "$1"', args.probe, yaml_file],
                                             args.timeout)
        out = out.strip()
        problems = []
        if rc is None:
            problems.append(f"did not finish within {args.timeout:g} s")
        elif rc != 0 or not out.startswith(("OK", "ERROR", "CRASH")):
            problems.append(f"exit {rc}: {out[:60]!r}")
        if rss > args.max_rss:
            problems.append(f"peak RSS {rss:.0f} MB above {args.max_rss:g} MB")
        status = "FAIL" if problems else "ok  "
        lines.append(f"{status} {name + ' [load_yaml]':70} {secs:6.2f} s {rss:7.1f} MB  {'; '.join(problems) or out[:50]}")
    for extra in runs:
        cmd = memory_cap() + [args.bin, "check", skill, "--no-config", "--fail-on", "none", "--format", "jsonl", "-j", "1"] + extra
        label = f"{name} [{'ast' if 'ast-profile.yaml' in ' '.join(extra) else 'rules' if extra else 'default'}]"
        rc, out, _, secs, rss = run_measured(cmd, args.timeout)
        problems = []
        if rc is None:
            problems.append(f"did not finish within {args.timeout:g} s")
        elif rc < 0:
            problems.append(f"killed by {signal.Signals(-rc).name}")
        elif rc not in (0, 2):
            problems.append(f"exit {rc}")
        if rss > args.max_rss:
            problems.append(f"peak RSS {rss:.0f} MB above {args.max_rss:g} MB")
        for line in out.splitlines():
            try:
                json.loads(line)
            except ValueError:
                problems.append(f"not JSON Lines: {line[:80]!r}")
                break
        status = "FAIL" if problems else "ok  "
        lines.append(f"{status} {label:70} {secs:6.2f} s {rss:7.1f} MB  exit {rc}  {'; '.join(problems)}")
    return lines


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--probe", help="tests/tools/yaml_probe: load_yaml on stdin")
    ap.add_argument("--timeout", type=float, default=10.0,
                    help="seconds per replay (each is well under 1 s when fixed)")
    ap.add_argument("--max-rss", type=float, default=512.0, help="MB per replay")
    args = ap.parse_args()
    reg = os.path.join(args.source, "tests", "hostile", "regressions")
    failures = total = 0
    for name in sorted(os.listdir(reg)):
        path = os.path.join(reg, name)
        if not os.path.isfile(path) or name.endswith(".txt") or name == "README.md":
            continue
        tmp = tempfile.mkdtemp(prefix="skillscore-regression-")
        try:
            for line in replay(args, name, path, tmp):
                print(line, flush=True)
                total += 1
                failures += line.startswith("FAIL")
        finally:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"\n{total - failures}/{total} regression replays passed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
