#!/usr/bin/env python3
"""samples/ scored by skillscore against tests/golden/samples.expected.jsonl,
which was produced by running the Python reference (see tests/golden/README.md).

Files the reference fails on are checked too: a non-UTF-8 file must be a
per-file error, a crash of the reference must become an assessment whose
first issue (SS002) says the frontmatter was unusable."""
import argparse
import json
import os
import sys

sys.path.insert(0, os.path.dirname(__file__))
from common import differences, load_jsonl, run  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--samples", required=True)
    ap.add_argument("--expected", required=True)
    a = ap.parse_args()
    proc = run([a.bin, "score", ".", "--no-write", "--format", "jsonl", "-q"], cwd=a.samples)
    actual = {r["path"]: r for r in load_jsonl(proc.stdout)}
    expected = [json.loads(l) for l in open(a.expected, encoding="utf-8") if l.strip()]
    failures = []
    identical = comparable = 0
    for e in expected:
        got = actual.get(e["path"])
        if got is None:
            failures.append(f"{e['path']}: missing from skillscore's output")
            continue
        if "error" in e:
            if e["error"] == "utf8":
                if "error" not in got or "UTF-8" not in got["error"]:
                    failures.append(f"{e['path']}: expected a UTF-8 error, got {str(got)[:200]}")
            elif not got.get("issues") or got["issues"][0]["rule"] != "SS002":
                failures.append(f"{e['path']}: reference fails ({e['error']}); expected an SS002 issue first")
            continue
        comparable += 1
        diffs = differences(e, got)
        if diffs:
            failures.extend(f"{e['path']}: {f}: expected {w!r} got {h!r}" for f, w, h in diffs[:3])
        else:
            identical += 1
    if set(actual) - {e["path"] for e in expected}:
        failures.append(f"unexpected files scored: {sorted(set(actual) - {e['path'] for e in expected})}")
    for f in failures[:30]:
        print("FAIL", f)
    print(f"golden: {identical}/{comparable} samples identical to the reference, "
          f"{len(expected) - comparable} reference failures checked")
    return 1 if failures or comparable == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
