#!/usr/bin/env python3
"""End-to-end tests of the skillscore command line: output files, formats,
exit codes, per-file errors, determinism across -j."""
import json
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import check, finish, load_jsonl, parser, run  # noqa: E402

GOOD = """---
name: tidy-imports
description: Use when writing or fixing Python imports before a commit, to keep them sorted.
---
# Tidy imports

## Overview
Sorted imports.

## When to Use This Skill
Before committing.

```python
import os
import sys
print(os, sys)
```
"""


def make_tree(root):
    for rel, text in {
        "a/SKILL.md": GOOD,
        "b/nested/skill.md": GOOD.replace("tidy-imports", "nested"),
        ".claude/skills/c/SKILL.md": GOOD.replace("tidy-imports", "hidden"),
        ".git/d/SKILL.md": GOOD,
        "node_modules/e/SKILL.md": GOOD,
        "a/README.md": "not a skill",
    }.items():
        p = os.path.join(root, rel)
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "w", encoding="utf-8") as f:
            f.write(text)


def main():
    ap = parser("bin", "source")
    a = ap.parse_args()
    bin_ = os.path.abspath(a.bin)
    tmp = tempfile.mkdtemp(prefix="skillscore-cli-")
    try:
        tree = os.path.join(tmp, "tree")
        make_tree(tree)

        # score writes quality_assessment.json beside each skill, and nothing else.
        p = run([bin_, "score", ".", "-q"], cwd=tree)
        check(p.returncode == 0, f"score exits 0 (got {p.returncode}: {p.stderr.strip()})")
        qa = os.path.join(tree, "a", "quality_assessment.json")
        check(os.path.isfile(qa), "quality_assessment.json written beside a/SKILL.md")
        check(os.path.isfile(os.path.join(tree, "b", "nested", "quality_assessment.json")), "skill.md found at depth")
        check(os.path.isfile(os.path.join(tree, ".claude", "skills", "c", "quality_assessment.json")),
              "hidden .claude directory is searched")
        check(not os.path.exists(os.path.join(tree, ".git", "d", "quality_assessment.json")), ".git is skipped")
        check(not os.path.exists(os.path.join(tree, "node_modules", "e", "quality_assessment.json")),
              "node_modules is skipped")
        leftovers = [f for _, _, fs in os.walk(tree) for f in fs if ".tmp." in f]
        check(not leftovers, f"no temporary files left behind ({leftovers})")
        doc = json.load(open(qa, encoding="utf-8"))
        keys = ["schema_version", "tool", "profile", "path", "score", "rating", "strengths", "issues",
                "recommendations", "metrics", "deterministic_metrics", "calibrated_score"]
        check(list(doc) == keys, f"quality_assessment.json keys in order ({list(doc)})")
        check(doc["schema_version"] == 1 and doc["profile"] == "skill-fleet-v2", "schema_version 1, default profile")
        check(doc["calibrated_score"] == doc["score"] == doc["deterministic_metrics"]["deterministic_score"],
              "calibrated_score = score = deterministic_score")
        check(len(doc["recommendations"]) == len(doc["issues"]), "one recommendation per issue")
        check(all(set(i) == {"rule", "slug", "severity", "message", "line", "column", "recommendation"} for i in doc["issues"]),
              "issue objects have rule, slug, severity, message, line, column, recommendation")
        check(doc["rating"] in ("EXCELLENT", "GOOD", "NEEDS IMPROVEMENT", "POOR"), "rating label")
        try:
            import jsonschema
        except ImportError:
            jsonschema = None
            print("skip schema validation: python3-jsonschema is not installed")
        if jsonschema:
            schema = json.load(open(os.path.join(a.source, "schema", "quality_assessment.schema.json")))
            try:
                jsonschema.validate(doc, schema)
                check(True, "quality_assessment.json validates against schema/quality_assessment.schema.json")
            except jsonschema.ValidationError as e:
                check(False, f"schema validation: {e.message}")

        # --no-write writes nothing; jsonl is sorted, relative, without "./".
        os.remove(qa)
        p = run([bin_, "score", ".", "--no-write", "--format", "jsonl"], cwd=tree)
        check(not os.path.exists(qa), "--no-write writes no file")
        recs = load_jsonl(p.stdout)
        paths = [r["path"] for r in recs]
        check(paths == sorted(paths) and len(paths) == 3, f"jsonl: 3 records sorted by path ({paths})")
        check(all(not x.startswith("./") and not os.path.isabs(x) for x in paths), "jsonl paths relative, no ./")

        # -j1 and -j2 give byte-identical output.
        p1 = run([bin_, "score", ".", "--no-write", "--format", "jsonl", "-j", "1"], cwd=tree)
        p2 = run([bin_, "score", ".", "--no-write", "--format", "jsonl", "-j", "2"], cwd=tree)
        check(p1.stdout == p2.stdout and p1.stdout, "-j1 and -j2 outputs are byte-identical")

        # --output-dir mirrors the tree and never escapes it.
        out = os.path.join(tmp, "out")
        p = run([bin_, "score", "a/SKILL.md", "../tree/b", "--output-dir", out, "-q"], cwd=tree)
        check(p.returncode == 0, "score --output-dir exits 0")
        check(os.path.isfile(os.path.join(out, "a", "quality_assessment.json")), "--output-dir mirrors a/")
        written = [os.path.join(d, f) for d, _, fs in os.walk(tmp) for f in fs if f == "quality_assessment.json"]
        check(all(w.startswith(out + os.sep) or w.startswith(tree + os.sep) for w in written),
              "--output-dir writes nothing outside it")

        # --format json is one document; text names each skill.
        p = run([bin_, "score", ".", "--no-write", "--format", "json"], cwd=tree)
        j = json.loads(p.stdout)
        check(len(j["assessments"]) == 3 and j["errors"] == [], "--format json: 3 assessments, no errors")
        p = run([bin_, "score", ".", "--no-write"], cwd=tree)
        check("a/SKILL.md" in p.stdout and "3 skills scored" in p.stdout, "--format text names skills and totals")

        # Bad input: the batch goes on, the exit code is 2, the message names the file.
        with open(os.path.join(tree, "a", "SKILL.md"), "ab") as f:
            f.write(b"\xff\xfe bad bytes")
        p = run([bin_, "score", ".", "missing-dir", "--no-write", "--format", "jsonl"], cwd=tree)
        recs = load_jsonl(p.stdout)
        check(p.returncode == 2, f"invalid UTF-8 and a missing path exit 2 (got {p.returncode})")
        check("a/SKILL.md" in p.stderr and "UTF-8" in p.stderr, "the error names the file and the cause")
        check("missing-dir" in p.stderr, "the missing path is named")
        check(sum(1 for r in recs if "score" in r) == 2, "the other skills are still scored")
        check(any(r.get("error") and r["path"] == "a/SKILL.md" for r in recs), "jsonl carries the per-file error")

        # A directory named SKILL.md and a FIFO are errors for that path, not hangs.
        os.makedirs(os.path.join(tree, "weird", "SKILL.md", "x"))
        fifo_dir = os.path.join(tree, "fifo")
        os.makedirs(fifo_dir)
        os.mkfifo(os.path.join(fifo_dir, "SKILL.md"))
        p = run([bin_, "score", "fifo", "--no-write", "--format", "jsonl"], cwd=tree, timeout=20)
        check(p.returncode == 2 and "not a regular file" in p.stderr, "a FIFO named SKILL.md is refused, not read")

        # Rule files: a bad one is an error naming file and line; unknown profiles too.
        bad_rules = os.path.join(tmp, "bad.yaml")
        src = open(os.path.join(a.source, "rules", "skill-fleet-v2.yaml"), encoding="utf-8").read()
        with open(bad_rules, "w", encoding="utf-8") as f:
            f.write(src.replace("  - {name: fm_name, kind: field, path: name, test: truthy}",
                                "  - {name: fm_name, kind: field, path: name, test: truthy, colour: red}"))
        p = run([bin_, "score", "b", "--no-write", "--rules", bad_rules], cwd=tree)
        check(p.returncode == 2 and "bad.yaml:" in p.stderr and "unknown key 'colour'" in p.stderr,
              f"unknown key in a rule file: exit 2 with file:line ({p.stderr.strip()[:200]})")
        p = run([bin_, "score", "b", "--no-write", "--profile", "nope"], cwd=tree)
        check(p.returncode == 2 and "unknown profile 'nope'" in p.stderr, "unknown profile: exit 2")
        p = run([bin_, "score"], cwd=tree)
        check(p.returncode == 2, "missing arguments: exit 2")
        p = run([bin_, "score", "b", "--no-write", "--rules", os.path.join(a.source, "rules", "skill-fleet-v2.yaml"),
                 "--format", "jsonl"], cwd=tree)
        p0 = run([bin_, "score", "b", "--no-write", "--format", "jsonl"], cwd=tree)
        check(p.returncode == 0 and p.stdout == p0.stdout, f"--rules with the shipped file equals the embedded profile ({p.returncode} {p.stderr.strip()[:300]})")
        # A user's profile built on a built-in one: include takes its parts, override redefines a metric in place.
        sf2 = open(os.path.join(a.source, "rules", "skill-fleet-v2.yaml"), encoding="utf-8").read()
        document = re.search(r"^document:\n(?:  .*\n|\s*#.*\n)+", sf2, re.M).group(0)

        def own_profile(metric):
            path = os.path.join(tmp, "mine.yaml")
            with open(path, "w", encoding="utf-8") as f:
                f.write("schema: 1\nprofile: mine\ntitle: Mine\ndescription: skill-fleet-v2, another overview test\n"
                        "include:\n  - {profile: skill-fleet-v2, take: [metrics, checks, score, report]}\n"
                        + document + "metrics:\n  - " + metric + "\nchecks: []\n")
            return run([bin_, "score", "b", "--no-write", "--rules", path, "--format", "jsonl"], cwd=tree)
        base = load_jsonl(p0.stdout)
        p = own_profile("{name: has_overview, override: true, kind: search, scope: body, patterns: ['Zzqx']}")
        mine = load_jsonl(p.stdout) if p.returncode in (0, 1) else []
        check(len(mine) == len(base) and all(m["profile"] == "mine" and m["metrics"]["has_overview"] is False for m in mine)
              and all(any(i["rule"] == "SF010" for i in m["issues"]) for m in mine),
              f"--rules with include + override: the included check reads the redefined metric ({p.returncode} {p.stderr.strip()[:200]})")
        p = own_profile("{name: has_overview, kind: search, scope: body, patterns: ['Zzqx']}")
        check(p.returncode == 2 and "mine.yaml:" in p.stderr and "has_overview" in p.stderr,
              f"--rules redefining an included metric without override: exit 2 with file:line ({p.stderr.strip()[:200]})")
        p = own_profile("{name: has_overview, override: true, kind: count, scope: body, pattern: 'Zzqx'}")
        check(p.returncode == 2 and "mine.yaml:" in p.stderr and "type" in p.stderr,
              f"--rules overriding with another type: exit 2 with file:line ({p.stderr.strip()[:200]})")
        # Budgets: .skillscore.yaml's params change a profile's param metrics.
        cfg_dir = os.path.join(tmp, "budget")
        os.makedirs(os.path.join(cfg_dir, "tidy-imports"))
        with open(os.path.join(cfg_dir, "tidy-imports", "SKILL.md"), "w", encoding="utf-8") as f:
            f.write(GOOD)
        lines = GOOD.split("---", 2)[2].strip().count("\n") + 1
        with open(os.path.join(cfg_dir, ".skillscore.yaml"), "w") as f:
            f.write(f"profile: budgets\nparams: {{max_body_lines: {lines - 1}}}\n")
        p = run([bin_, "check", "tidy-imports", "--format", "jsonl", "--fail-on", "none"], cwd=cfg_dir)
        issues = [i["rule"] for i in json.loads(p.stdout)["issues"]] if p.returncode == 0 else []
        check("BU002" in issues, "params: max_body_lines below the body's lines fires BU002")
        with open(os.path.join(cfg_dir, ".skillscore.yaml"), "w") as f:
            f.write(f"profile: budgets\nparams: {{max_body_lines: {lines}}}\n")
        p = run([bin_, "check", "tidy-imports", "--format", "jsonl", "--fail-on", "none"], cwd=cfg_dir)
        check(p.returncode == 0 and "BU002" not in p.stdout, "params: a budget the body fits does not fire")
        with open(os.path.join(cfg_dir, ".skillscore.yaml"), "w") as f:
            f.write("profile: budgets\nparams: {max_lines: 3}\n")
        p = run([bin_, "check", "tidy-imports"], cwd=cfg_dir)
        check(p.returncode == 2 and ".skillscore.yaml:2:" in p.stderr and "no param 'max_lines'" in p.stderr,
              "params: an unknown param is an error at its line")
        # Token counts and collection checks.
        p = run([bin_, "tokens", "tidy-imports", "--format", "json"], cwd=cfg_dir)
        parts = json.loads(p.stdout)["parts"] if p.returncode == 0 else []
        check([x["part"] for x in parts[:3]] == ["file", "description", "body"] and all(x["o200k_base"] > 0 for x in parts),
              "tokens: file, description, body and sections with o200k_base counts")
        shutil.copytree(os.path.join(cfg_dir, "tidy-imports"), os.path.join(cfg_dir, "copy"))
        p = run([bin_, "collection", ".", "--format", "json"], cwd=cfg_dir)
        rep = json.loads(p.stdout) if p.stdout else {}
        check(p.returncode == 1 and len(rep.get("duplicate_names", [])) == 1 and len(rep.get("duplicate_descriptions", [])) == 1,
              "collection: two copies of a skill are duplicate names and descriptions (exit 1)")
        p = run([bin_, "--version"])
        check(p.returncode == 0 and p.stdout.startswith("skillscore "), "--version")
        version = p.stdout
        for args in (["-V"], ["version"], ["check", "b", "-V"], ["score", "--version"]):
            p = run([bin_, *args], cwd=tree)
            check(p.returncode == 0 and p.stdout == version, f"{' '.join(args)} prints the version")
        p = run([bin_, "chek", "b"], cwd=tree)
        check(p.returncode == 2 and "unknown command 'chek'; did you mean 'check'?" in p.stderr,
              f"a mistyped command gets the nearest one ({p.stderr.strip()})")
        p = run([bin_, "frobnicate"], cwd=tree)
        check(p.returncode == 2 and "unknown command 'frobnicate'" in p.stderr and "did you mean" not in p.stderr
              and all(c in p.stderr.split("commands: ")[-1] for c in ("score", "check", "rules", "explain", "version")), "an unknown command lists the commands")
        p = run([bin_, "--help"], cwd=tree)
        check(p.returncode == 0 and "Usage: skillscore " in p.stdout and bin_ not in p.stdout,
              "usage names skillscore, not the path it was run by")
        p = run([bin_, "check", "b", "--min-score", "abc"], cwd=tree)
        check(p.returncode == 2 and "'abc' is not a number from 0 to 1" in p.stderr and "0.000000" not in p.stderr,
              f"--min-score abc: a plain error ({p.stderr.strip()})")
        p = run([bin_, "check", "b", "--min-mean", "1.5"], cwd=tree)
        check(p.returncode == 2 and "'1.5' is not a number from 0 to 1" in p.stderr, "--min-mean 1.5: a plain error")
        p = run([bin_, "check", "b", "--no-config", "--fail-on", "none", "--max-file-size", "20M"], cwd=tree)
        check(p.returncode == 0, f"--max-file-size 20M is accepted ({p.stderr.strip()[:200]})")
        big = os.path.join(a.source, "samples", "excellent-git-bisect")  # 4 KB
        p = run([bin_, "check", big, "--no-config", "--fail-on", "none", "--max-file-size", "1K"], cwd=tree)
        check(p.returncode == 2 and "above the limit of 1024 (--max-file-size)" in p.stderr,
              f"--max-file-size 1K makes a larger skill an error ({p.stderr.strip()[:200]})")
        p = run([bin_, "check", "b", "--max-file-size", "20X"], cwd=tree)
        check(p.returncode == 2 and "'20X' is not a size" in p.stderr, "--max-file-size 20X: a plain error")
        p = run([bin_, "check", "b", "--fail-on", "bad"], cwd=tree)
        check(p.returncode == 2 and "none" in p.stderr, f"--fail-on bad lists none ({p.stderr.strip()})")
        cfg_dir = os.path.join(tmp, "cfg")
        shutil.copytree(os.path.join(tree, "b"), os.path.join(cfg_dir, "b"))
        with open(os.path.join(cfg_dir, ".skillscore.yaml"), "w") as f:
            f.write("min-score: 0.1\nprofile: nope\n")
        p = run([bin_, "check", "b"], cwd=cfg_dir)
        check(p.returncode == 2 and ".skillscore.yaml:2: unknown profile 'nope'" in p.stderr,
              f"profile: nope in .skillscore.yaml: file:line ({p.stderr.strip()})")
        with open(os.path.join(cfg_dir, ".skillscore.yaml"), "w") as f:
            f.write("fail-on: sometimes\n")
        p = run([bin_, "check", "b"], cwd=cfg_dir)
        check(p.returncode == 2 and ".skillscore.yaml:1: unknown fail-on 'sometimes' (one of: error, warning, info, none)"
              in p.stderr, f"fail-on in .skillscore.yaml lists none ({p.stderr.strip()})")
        with open(os.path.join(cfg_dir, ".skillscore.yaml"), "w") as f:
            f.write("include: [skils/**]\n")
        p = run([bin_, "check", "."], cwd=cfg_dir)
        check(p.returncode == 2 and "include 'skils/**' matches no skill file" in p.stderr and ".skillscore.yaml" in p.stderr,
              f"an include in the configuration that matches nothing: exit 2 ({p.stderr.strip()})")
        p = run([bin_, "check", ".", "--no-config", "--fail-on", "none", "--include", "nothing*"], cwd=cfg_dir)
        check(p.returncode == 2 and "--include 'nothing*' matches no skill file" in p.stderr,
              f"--include that matches nothing: exit 2 ({p.stderr.strip()})")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish("cli")


if __name__ == "__main__":
    sys.exit(main())
