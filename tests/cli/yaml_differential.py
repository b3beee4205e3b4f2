#!/usr/bin/env python3
"""The frontmatter reader against PyYAML's safe_load on tests/fixtures/yaml_cases.json:
the same value (compared as Python repr), or both an error. Exits 77 when
PyYAML is not installed."""
import argparse
import json
import subprocess
import sys

try:
    import yaml
except ImportError:
    print("SKIPPED: PyYAML is not installed (Debian: python3-yaml)")
    sys.exit(77)


def pyyaml(text):
    try:
        return "OK " + repr(yaml.safe_load(text))
    except yaml.YAMLError:
        return "ERROR"
    except Exception:  # the reference crashes here: skillscore says CRASH
        return "CRASH"


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
        kind = got if got.startswith("OK") else got.split(" ")[0]
        # A set of strings prints in hash order, randomised per Python process
        # (the reference's too): with !!set, the same characters suffice.
        if kind != want and not ("!!set" in text and sorted(kind) == sorted(want)):
            bad += 1
            print(f"DIFF case {i} {text!r}\n  PyYAML:     {want}\n  skillscore: {got}")
    print(f"yaml: {len(cases) - bad}/{len(cases)} cases read as PyYAML reads them")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
