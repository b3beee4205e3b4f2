#!/usr/bin/env python3
"""Snapshot of the terminal report: `check samples` for each built-in profile,
stdout and stderr, plain (--color never) and coloured (--color always, and
NO_COLOR overridden by it), against reviewed files in tests/snapshots/. After an
intended change: run with --update, then review the diff."""
import argparse
import difflib
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import run  # noqa: E402

CASES = [(p, "never") for p in ("skill-fleet-v2", "agentskills", "strict")] + [("skill-fleet-v2", "always")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--update", action="store_true", help="rewrite the snapshots")
    a = ap.parse_args()
    failures = 0
    env = {k: v for k, v in os.environ.items() if k != "NO_COLOR"}
    for profile, color in CASES:
        cenv = dict(env, NO_COLOR="1") if color == "always" else env
        p = run([os.path.abspath(a.bin), "check", "samples", "--no-config", "--profile", profile, "--color", color],
                cwd=a.source, env=cenv)
        got = f"$ skillscore check samples --profile {profile} --color {color}\n[exit {p.returncode}]\n" \
              f"--- stdout\n{p.stdout}--- stderr\n{p.stderr}"
        path = os.path.join(a.source, "tests", "snapshots", f"text.{profile}.{color}.txt")
        if a.update:
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "w", encoding="utf-8") as fh:
                fh.write(got)
            print(f"updated {path}")
            continue
        want = open(path, encoding="utf-8").read() if os.path.exists(path) else ""
        if got == want:
            print(f"ok   {profile} --color {color}")
        else:
            failures += 1
            print(f"FAIL {profile} --color {color}: differs from {path} (--update to accept, then review):")
            sys.stdout.writelines(list(difflib.unified_diff(want.splitlines(True), got.splitlines(True), "snapshot", "now"))[:60])
    print(f"{failures} failure(s)")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
