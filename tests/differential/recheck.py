#!/usr/bin/env python3
"""Re-run minimized divergences (files, or every *.input / *.md of a results or
findings folder) through the reference and skillscore: which are fixed now.

    SKILLSCORE_REFERENCE=/tmp/ref/skill_quality.py recheck.py --bin build/skillscore PATH...

Prints one line per input, 'identical' or the fields that still differ; exit 1
when any still differs."""
import argparse
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from driver import write_batch  # noqa: E402
from oracle import Reference, run_skillscore, signature  # noqa: E402


def inputs(paths):
    for p in paths:
        if os.path.isdir(p):
            for root, _, files in os.walk(p):
                for f in sorted(files):
                    if f.endswith(".input") or (f.endswith(".md") and f[:3].isdigit()):
                        yield os.path.join(root, f)
        else:
            yield p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("paths", nargs="+")
    a = ap.parse_args()
    module = os.environ.get("SKILLSCORE_REFERENCE")
    if not module:
        print("SKIPPED: set SKILLSCORE_REFERENCE")
        return 77
    ref = Reference(module)
    files = sorted(inputs(a.paths))
    blobs = [open(f, "rb").read() for f in files]
    with tempfile.TemporaryDirectory() as tmp:
        rels = write_batch(tmp, blobs)
        got, _ = run_skillscore(os.path.abspath(a.bin), tmp)
        still = 0
        for f, rel in zip(files, rels):
            sig = signature(ref.score(os.path.join(tmp, rel)), got.get(os.path.normpath(rel)))
            still += bool(sig)
            print(f"{'identical' if not sig else 'DIFFERS ' + sig[:80]}  {f}")
    print(f"recheck: {len(files) - still}/{len(files)} identical now")
    return 1 if still else 0


if __name__ == "__main__":
    sys.exit(main())
