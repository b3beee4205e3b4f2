#!/usr/bin/env python3
"""The frontmatter reader against PyYAML's safe_load on tests/fixtures/yaml_cases.json:
the same value (compared as Python repr), or both an error. Exits 77 when
PyYAML is not installed."""
import argparse
import json
import os
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from pyyaml_oracle import pyyaml, same  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--probe", required=True)
    ap.add_argument("--cases", required=True)
    a = ap.parse_args()
    cases = json.load(open(a.cases, encoding="utf-8"))
    bad = 0
    for i, text in enumerate(cases):
        want = pyyaml(text)
        got = subprocess.run([a.probe], input=text.encode(), capture_output=True).stdout.decode().rstrip("\n")
        if not same(text, got, want):
            bad += 1
            print(f"DIFF case {i} {text!r}\n  PyYAML:     {want}\n  skillscore: {got}")
    print(f"yaml: {len(cases) - bad}/{len(cases)} cases read as PyYAML reads them")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
