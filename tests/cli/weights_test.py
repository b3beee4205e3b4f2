#!/usr/bin/env python3
"""`--weights FILE` against the reference run with the same tables:
tests/golden/weights.expected.jsonl (tests/golden/weights_golden.py ran the
reference with each table of tests/fixtures/weights/ on every sample). Also:
a table's errors name the file and line, unknown keys are warned about and
ignored, and `check` takes the option too."""
import argparse
import json
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import load_jsonl, run  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    a = ap.parse_args()
    a.bin, a.source = os.path.abspath(a.bin), os.path.abspath(a.source)
    samples = os.path.join(a.source, "samples")
    tables = os.path.join(a.source, "tests/fixtures/weights")
    expected = {}
    for line in open(os.path.join(a.source, "tests/golden/weights.expected.jsonl"), encoding="utf-8"):
        e = json.loads(line)
        expected.setdefault(e["weights"], {})[e["path"]] = e
    failures = []
    compared = 0
    for name in sorted(os.listdir(tables)):
        if name not in expected:
            failures.append(f"{name}: no golden outputs (re-run tests/golden/weights_golden.py)")
            continue
        proc = run([a.bin, "score", ".", "--no-write", "--format", "jsonl", "--no-config", "-q",
                    "--weights", os.path.join(tables, name)], cwd=samples)
        if proc.returncode not in (0, 2):
            failures.append(f"{name}: exit {proc.returncode}: {proc.stderr[:300]}")
            continue
        got = {r["path"]: r for r in load_jsonl(proc.stdout)}
        for path, e in expected[name].items():
            if "error" in e:
                continue  # not UTF-8, or the reference crashes: golden_samples covers them
            r = got.get(path)
            if r is None:
                failures.append(f"{name}: {path}: missing")
                continue
            compared += 1
            # The same double: JSON floats round-trip (repr on both sides).
            if r["score"] != e["overall_score"] or r["metrics"]["overall_score"] != e["overall_score"]:
                failures.append(f"{name}: {path}: score {r['score']!r}, reference {e['overall_score']!r}")
    # Tables that differ from the default change scores; the default table itself does not.
    default = {r["path"]: r["score"] for r in load_jsonl(
        run([a.bin, "score", ".", "--no-write", "--format", "jsonl", "--no-config", "-q"], cwd=samples).stdout)
        if "score" in r}
    for name, moved in (("default-table.json", False), ("empty.json", True), ("partial.json", True)):
        changed = sum(1 for p, e in expected[name].items() if "error" not in e and default.get(p) != e["overall_score"])
        if (changed > 0) != moved:
            failures.append(f"{name}: {changed} scores differ from the default weights, expected {'some' if moved else 'none'}")

    with tempfile.TemporaryDirectory() as tmp:
        def table(text, file="w.yaml"):
            path = os.path.join(tmp, file)
            with open(path, "w", encoding="utf-8") as f:
                f.write(text)
            return path
        skill = os.path.join(samples, "excellent-git-bisect", "SKILL.md")
        for text, needle in (
            ('pattern_count: 0.1\nhas_red_flags: "0.2"\n', ":2: the weight of 'has_red_flags' must be a finite number"),
            ("pattern_count: true\n", ":1: the weight of 'pattern_count' must be a finite number"),
            ("pattern_count: .nan\n", "must be a finite number"),
            ("pattern_count:\n", "must be a finite number"),
            ("[0.1, 0.2]\n", "the weights must be a mapping"),
            ("{pattern_count: [\n", "not valid JSON or YAML"),
        ):
            path = table(text)
            proc = run([a.bin, "check", skill, "--no-config", "--weights", path])
            if proc.returncode != 2 or (path + ":") not in proc.stderr or needle not in proc.stderr:
                failures.append(f"bad table {text!r}: exit {proc.returncode}, stderr {proc.stderr.strip()[:200]!r}")
        proc = run([a.bin, "check", skill, "--no-config", "--weights", os.path.join(tmp, "absent.json")])
        if proc.returncode != 2 or "absent.json" not in proc.stderr:
            failures.append(f"missing table: exit {proc.returncode}, stderr {proc.stderr.strip()[:200]!r}")
        path = table('{"pattern_count": 0.5, "pattern_cuont": 0.5}', "typo.json")
        proc = run([a.bin, "check", skill, "--no-config", "--format", "jsonl", "--weights", path])
        if proc.returncode != 0 or "'pattern_cuont' is not a score term" not in proc.stderr:
            failures.append(f"unknown key: exit {proc.returncode}, stderr {proc.stderr.strip()[:200]!r}")
        elif "pattern_count" in proc.stderr:
            failures.append(f"a known key was warned about: {proc.stderr.strip()[:200]!r}")

    for f in failures:
        print("FAIL", f)
    print(f"weights: {compared} (table, sample) scores compared with the reference's, {len(failures)} failures")
    if compared < 300:
        print("FAIL too few comparisons")
        return 1
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
