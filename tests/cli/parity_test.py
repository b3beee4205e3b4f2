#!/usr/bin/env python3
"""Parity with the reference on ../shared/corpus/public, checked by the
shared compare.py. Exits 77 (ctest: skipped) when ../shared is not there."""
import argparse
import os
import subprocess
import sys
import tempfile


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--shared", required=True)
    a = ap.parse_args()
    corpus = os.path.join(a.shared, "corpus", "public")
    expected = os.path.join(a.shared, "corpus", "public.expected.jsonl")
    compare = os.path.join(a.shared, "reference", "compare.py")
    if not (os.path.isdir(corpus) and os.path.isfile(expected) and os.path.isfile(compare)):
        print(f"SKIPPED: no shared corpus at {a.shared} (parity is checked where ../shared exists)")
        return 77
    with tempfile.NamedTemporaryFile("w+", suffix=".jsonl") as out:
        subprocess.run([a.bin, "score", ".", "--no-write", "--format", "jsonl", "-q"], cwd=corpus,
                       stdout=out, check=False)
        out.flush()
        proc = subprocess.run([sys.executable, compare, "--expected", expected, "--actual", out.name,
                               "--root", corpus, "--show", "10"], capture_output=True, text=True)
    print(proc.stdout, end="")
    print(proc.stderr, end="", file=sys.stderr)
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
