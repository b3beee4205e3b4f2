#!/usr/bin/env python3
"""Writes tests/golden/weights.expected.jsonl by RUNNING the reference with
each custom weight table of tests/fixtures/weights/ on every sample:

    weights_golden.py --module /tmp/ref/skill_quality.py --source .

One line per (table, sample): {"weights", "path", "overall_score"} or
{"weights", "path", "error"} where the file is not UTF-8 or the reference
raised. Tables are read as skill-fleet's callers would build the dict:
json.load for .json, yaml.safe_load for .yaml.
"""
import argparse
import importlib.util
import json
import sys
from pathlib import Path

import yaml


def load_module(path):
    spec = importlib.util.spec_from_file_location("skill_quality_reference", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod
    spec.loader.exec_module(mod)
    return mod


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--module", required=True)
    ap.add_argument("--source", required=True, help="the project's root")
    a = ap.parse_args()
    mod = load_module(a.module)
    root = Path(a.source)
    samples = root / "samples"
    files = sorted(p for p in samples.rglob("*") if p.name in ("SKILL.md", "skill.md"))
    out = []
    for table_file in sorted((root / "tests/fixtures/weights").iterdir()):
        with open(table_file, encoding="utf-8") as f:
            table = json.load(f) if table_file.suffix == ".json" else yaml.safe_load(f)
        for p in files:
            rec = {"weights": table_file.name, "path": str(p.relative_to(samples))}
            try:
                text = p.read_text(encoding="utf-8")
                rec["overall_score"] = mod.assess_skill_quality(text, weights=table).overall_score
            except UnicodeDecodeError:
                rec["error"] = "utf8"
            except Exception as e:  # the reference's own crashes (trap samples)
                rec["error"] = f"{type(e).__name__}: {e}"
            out.append(json.dumps(rec, ensure_ascii=False))
    (root / "tests/golden/weights.expected.jsonl").write_text("\n".join(out) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
