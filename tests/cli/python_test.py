#!/usr/bin/env python3
"""The Python package as a user gets it: `pip install` into a fresh venv
(offline: Debian's setuptools through --system-site-packages and
--no-build-isolation, no index), then, from outside the source tree:
- `skillscore` (the console script) runs;
- assess_skill_quality(text) equals the reference's to_dict() on samples/
  (tests/golden/samples.expected.jsonl) and, when ../shared is there, on the
  shared corpus (skipped otherwise, and said so); the reference's crashes
  raise FrontmatterError;
- assess_skill_quality(text, weights=...) equals the reference run with each
  table of tests/fixtures/weights/ (tests/golden/weights.expected.jsonl);
- skill_quality_metric duck-types prediction objects as the reference does;
- assess(path, profile=...) is the CLI's assessment.
The extension and binary come from the ctest build tree (SKILLSCORE_BUILD_DIR)
rather than a second compilation; a from-source `pip install .` is the same
setup.py with that variable unset."""
import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile

CHECKS = r'''
import json, os, sys, yaml
from pathlib import Path
import skillscore

source, golden_samples, golden_weights, shared = sys.argv[1:5]
samples = Path(source) / "samples"
failures = []
compared = 0

def same(a, b):
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return type(a) is type(b) and a == b
    return a == b

def compare(where, expected, got):
    global compared
    compared += 1
    if list(expected) != list(got):
        failures.append(f"{where}: keys {list(got)} != {list(expected)}")
        return
    for k, v in expected.items():
        if not same(v, got[k]):
            failures.append(f"{where}: {k}: {got[k]!r} != reference {v!r}")

for line in open(golden_samples, encoding="utf-8"):
    e = json.loads(line)
    path = samples / e["path"]
    if e.get("error") == "utf8":
        continue
    text = path.read_text(encoding="utf-8")
    if "error" in e:
        try:
            skillscore.assess_skill_quality(text)
            failures.append(f"{e['path']}: the reference raises ({e['error']}), skillscore did not")
        except skillscore.FrontmatterError:
            pass
        continue
    compare(e["path"], e["reference"], skillscore.assess_skill_quality(text))
    # A str with CRLF or CR line ends is read as the CLI reads the file.
    for ending in ("\r\n", "\r"):
        if skillscore.assess_skill_quality(text.replace("\n", ending)) != e["reference"]:
            failures.append(f"{e['path']}: {ending!r} line ends are not read as the CLI reads them")
    a = skillscore.assess(str(path))
    if a["score"] != e["reference"]["overall_score"] or a["metrics"] != e["reference"]:
        failures.append(f"{e['path']}: assess(path) differs from the reference")
    if skillscore.assess(text)["metrics"] != e["reference"]:
        failures.append(f"{e['path']}: assess(text) differs from the reference")

    # The DSPy metric: the reference's attribute order, and 0.0 without content.
    class Pred: pass
    score = e["reference"]["overall_score"]
    for attrs, want in (({"skill_content": text}, score), ({"content": text, "output": ""}, score),
                        ({"output": text}, score), ({"skill_content": "", "content": text}, 0.0),
                        ({"skill_content": None}, 0.0), ({}, 0.0)):
        p = Pred()
        for k, v in attrs.items():
            setattr(p, k, v)
        got = skillscore.skill_quality_metric(None, p)
        if got != want:
            failures.append(f"{e['path']}: skill_quality_metric with {sorted(attrs)} = {got!r}, expected {want!r}")
    if skillscore.skill_quality_metric(None, text, trace=None) != score:
        failures.append(f"{e['path']}: skill_quality_metric(str) differs")
    if skillscore.skill_quality_metric_detailed(None, text) != (score, e["reference"]):
        failures.append(f"{e['path']}: skill_quality_metric_detailed differs")
empty = skillscore.skill_quality_metric_detailed(None, "")
if empty[0] != 0.0 or empty[1]["overall_score"] != 0.0 or empty[1]["issues"] != []:
    failures.append(f"skill_quality_metric_detailed('') = {empty!r}")

tables = Path(source) / "tests/fixtures/weights"
weight_cases = 0
for line in open(golden_weights, encoding="utf-8"):
    e = json.loads(line)
    if "error" in e:
        continue
    f = tables / e["weights"]
    table = json.loads(f.read_text()) if f.suffix == ".json" else yaml.safe_load(f.read_text())
    got = skillscore.assess_skill_quality((samples / e["path"]).read_text(encoding="utf-8"), weights=table)
    weight_cases += 1
    if got["overall_score"] != e["overall_score"]:
        failures.append(f"weights {e['weights']}: {e['path']}: {got['overall_score']!r} != reference {e['overall_score']!r}")
for bad, exc in (({"pattern_count": "0.1"}, TypeError), ({"pattern_count": None}, TypeError),
                 ({"pattern_count": float("nan")}, ValueError)):
    try:
        skillscore.assess_skill_quality("---\nname: x\n---\nbody", weights=bad)
        failures.append(f"weights {bad!r}: no {exc.__name__}")
    except exc:
        pass
# Keys that are no score term are never read, whatever they hold (as in the reference).
skillscore.assess_skill_quality("---\nname: x\n---\nbody", weights={"unknown": "x", 3: None})

corpus = Path(shared) / "corpus" / "public"
expected_corpus = Path(shared) / "corpus" / "public.expected.jsonl"
corpus_compared = 0
if corpus.is_dir() and expected_corpus.is_file():
    for line in open(expected_corpus, encoding="utf-8"):
        e = json.loads(line)
        if "error" in e:
            continue
        text = (corpus / e["path"]).read_text(encoding="utf-8")
        compare(f"corpus {e['path']}", e["reference"], skillscore.assess_skill_quality(text))
        corpus_compared += 1
    print(f"shared corpus: {corpus_compared} files compared")
else:
    print(f"shared corpus: skipped ({corpus} not present)")

for f in failures[:50]:
    print("FAIL", f)
print(f"python: {compared} to_dict() compared ({corpus_compared} of the corpus), {weight_cases} weight cases, "
      f"{len(failures)} failures")
sys.exit(1 if failures or compared < 40 or weight_cases < 300 else 0)
'''


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True)
    ap.add_argument("--build", required=True, help="the CMake tree with the _skillscore module and the binary")
    ap.add_argument("--shared", required=True)
    ap.add_argument("--python", default="/usr/bin/python3")
    a = ap.parse_args()
    if not any(n.startswith("_skillscore") for n in os.listdir(os.path.join(a.build, "python"))
               if os.path.isdir(os.path.join(a.build, "python"))):
        print("no _skillscore module in the build tree (pybind11-dev / python3-dev missing?): skipped")
        return 77
    with tempfile.TemporaryDirectory() as tmp:
        # pip builds in the tree it is given: a copy keeps the source clean.
        src = os.path.join(tmp, "src")
        shutil.copytree(a.source, src, ignore=shutil.ignore_patterns("build", "build-*", "dist", ".git", "*.egg-info"))
        venv = os.path.join(tmp, "venv")
        subprocess.run([a.python, "-m", "venv", "--system-site-packages", venv], check=True)
        env = dict(os.environ, SKILLSCORE_BUILD_DIR=os.path.abspath(a.build), PIP_NO_INDEX="1",
                   PIP_DISABLE_PIP_VERSION_CHECK="1")
        proc = subprocess.run([os.path.join(venv, "bin", "pip"), "install", "--no-build-isolation", src],
                              env=env, capture_output=True, text=True, cwd=tmp)
        if proc.returncode != 0:
            print(proc.stdout[-3000:], proc.stderr[-3000:])
            print("FAIL pip install")
            return 1
        shutil.rmtree(src)  # nothing may come from the source tree from here on
        run_env = {k: v for k, v in os.environ.items() if k != "PYTHONPATH"}
        version = subprocess.run([os.path.join(venv, "bin", "skillscore"), "--version"], capture_output=True,
                                 text=True, cwd=tmp, env=run_env)
        if version.returncode != 0 or not version.stdout.startswith("skillscore "):
            print(f"FAIL the console script: {version.returncode} {version.stdout!r} {version.stderr!r}")
            return 1
        print(version.stdout.strip(), "(console script)")
        where = subprocess.run([os.path.join(venv, "bin", "python"), "-c", "import skillscore; print(skillscore.__file__)"],
                               capture_output=True, text=True, cwd=tmp, env=run_env)
        if not where.stdout.startswith(venv):
            print(f"FAIL skillscore imported from {where.stdout.strip()!r} {where.stderr[-500:]}, not the venv")
            return 1
        checks = subprocess.run([os.path.join(venv, "bin", "python"), "-c", CHECKS, os.path.abspath(a.source),
                                 os.path.join(os.path.abspath(a.source), "tests/golden/samples.expected.jsonl"),
                                 os.path.join(os.path.abspath(a.source), "tests/golden/weights.expected.jsonl"),
                                 os.path.abspath(a.shared)], cwd=tmp, env=run_env, text=True)
        return checks.returncode


if __name__ == "__main__":
    sys.exit(main())
