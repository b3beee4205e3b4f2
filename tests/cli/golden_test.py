#!/usr/bin/env python3
"""samples/ scored by skillscore against tests/golden/samples.expected.jsonl,
which was produced by running the Python reference (see tests/golden/README.md).

Files the reference fails on are checked too: a non-UTF-8 file must be a
per-file error, a crash of the reference must become an assessment whose
first issue (SS002) says the frontmatter was unusable.

Samples listed in --pending (tests/golden/pending.txt) show a divergence that is
found but not fixed yet: they are reported as PENDING, not failed."""
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
    ap.add_argument("--pending", help="sample directories whose divergence awaits a fix (reported, not failed)")
    a = ap.parse_args()
    pending = set()
    if a.pending and os.path.exists(a.pending):
        pending = {l.split("#")[0].strip() for l in open(a.pending, encoding="utf-8")} - {""}
    proc = run([a.bin, "score", ".", "--no-write", "--format", "jsonl", "-q"], cwd=a.samples)
    actual = {r["path"]: r for r in load_jsonl(proc.stdout)}
    expected = [json.loads(l) for l in open(a.expected, encoding="utf-8") if l.strip()]
    failures = []
    identical = comparable = 0
    pending_report = []
    for e in expected:
        sample = e["path"].split("/")[0]
        if sample in pending:
            before = len(failures)
            check_one(e, actual.get(e["path"]), failures)
            still = failures[before:]
            del failures[before:]
            pending_report.append(f"PENDING " + (still[0][:200] if still else f"{e['path']}: "
                                  "now identical to the reference: remove it from the pending list"))
            continue
        got = actual.get(e["path"])
        if "error" not in e and got is not None:
            comparable += 1
        before = len(failures)
        check_one(e, got, failures)
        if "error" not in e and got is not None and len(failures) == before:
            identical += 1
    # Each sample alone too: a run of a few small files takes another path
    # (a scan-only presence index, see rules/presence), which must agree.
    alone_checked = 0
    by_path = {e["path"]: e for e in expected}
    for sample in sorted({e["path"].split("/")[0] for e in expected} - pending):
        p1 = run([a.bin, "score", sample, "--no-write", "--format", "jsonl", "-q"], cwd=a.samples)
        for r in load_jsonl(p1.stdout):
            e = by_path.get(r["path"])
            if e is None:
                continue
            before = len(failures)
            check_one(e, r, failures)
            failures[before:] = [f"{f} (scored alone)" for f in failures[before:]]
            alone_checked += 1
    if alone_checked != len([e for e in expected if e["path"].split("/")[0] not in pending]):
        failures.append(f"scored alone: {alone_checked} records for {len(expected)} expected")
    if set(actual) - {e["path"] for e in expected}:
        failures.append(f"unexpected files scored: {sorted(set(actual) - {e['path'] for e in expected})}")
    for f in failures[:30]:
        print("FAIL", f)
    for p in pending_report:
        print(p)
    print(f"golden: {identical}/{comparable} samples identical to the reference, "
          f"{len(expected) - comparable - len(pending_report)} reference failures checked, "
          f"{len(pending_report)} pending; each also scored alone ({alone_checked})")
    return 1 if failures or comparable == 0 else 0


def check_one(e, got, failures):
    """Appends to failures what is wrong with skillscore's record for one sample."""
    if got is None:
        failures.append(f"{e['path']}: missing from skillscore's output")
        return
    if "error" in e:
        if e["error"] == "utf8":
            if "error" not in got or "UTF-8" not in got["error"]:
                failures.append(f"{e['path']}: expected a UTF-8 error, got {str(got)[:200]}")
        elif not got.get("issues") or got["issues"][0]["rule"] != "SS002":
            failures.append(f"{e['path']}: reference fails ({e['error']}); expected an SS002 issue first")
        return
    diffs = differences(e, got)
    failures.extend(f"{e['path']}: {f}: expected {w!r} got {h!r}" for f, w, h in diffs[:3])


if __name__ == "__main__":
    sys.exit(main())
