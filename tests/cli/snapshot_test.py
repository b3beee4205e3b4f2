#!/usr/bin/env python3
"""Snapshot tests: every report format on samples/ for each built-in profile.

Runs `skillscore check samples --profile P --format F` from the source directory and
compares stdout (normalised) and the exit code with tests/snapshots/P.F. With --update,
writes them instead: scripts/update-snapshots.sh. A format changed on purpose is
regenerated with that script and the diff reviewed before committing it.

Normalised, explicitly, because they differ between machines or runs: the absolute
source and working directories, ISO 8601 timestamps, JUnit's time attributes.
"""
import argparse
import difflib
import re
import subprocess
import sys
from pathlib import Path

PROFILES = ["skill-fleet-v2", "agentskills", "strict"]
FORMATS = ["text", "json", "jsonl", "csv", "sarif", "junit", "github", "markdown", "html"]


def normalise(text: str, source: Path) -> str:
    text = text.replace(str(source.resolve()), "<SOURCE>")
    text = re.sub(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?", "<TIMESTAMP>", text)
    text = re.sub(r'\b(time|timestamp)="[^"]*"', r'\1="<T>"', text)
    return text


def render(binary: Path, source: Path, profile: str, fmt: str) -> str:
    r = subprocess.run([str(binary), "check", "samples", "--profile", profile, "--format", fmt],
                       cwd=source, capture_output=True, timeout=300)
    out = r.stdout.decode("utf-8", errors="replace")
    return f"exit code: {r.returncode}\n" + normalise(out, source)


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True, type=Path)
    ap.add_argument("--source", required=True, type=Path)
    ap.add_argument("--update", action="store_true", help="write the snapshots instead of comparing")
    args = ap.parse_args()
    snapdir = args.source / "tests" / "snapshots"
    stale = []
    for profile in PROFILES:
        for fmt in FORMATS:
            got = render(args.bin.resolve(), args.source, profile, fmt)
            path = snapdir / f"{profile}.{fmt}"
            if args.update:
                path.write_text(got, encoding="utf-8")
                continue
            want = path.read_text(encoding="utf-8") if path.exists() else ""
            if got != want:
                stale.append(path)
                diff = difflib.unified_diff(want.splitlines(True), got.splitlines(True), str(path), "now")
                sys.stdout.writelines(list(diff)[:40])
    if args.update:
        print(f"wrote {len(PROFILES) * len(FORMATS)} snapshots in {snapdir}")
        return 0
    if stale:
        print(f"\n{len(stale)} snapshot(s) differ from the output now. If the change is meant, run "
              f"scripts/update-snapshots.sh, review `git diff tests/snapshots`, and commit the files.")
        return 1
    print(f"snapshots: {len(PROFILES) * len(FORMATS)} outputs identical to tests/snapshots/")
    return 0


if __name__ == "__main__":
    sys.exit(main())
