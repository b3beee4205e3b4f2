#!/usr/bin/env python3
"""Quality gates end to end: check, thresholds and exit codes, baseline
comparison, summary, several outputs at once, the configuration file,
include/exclude, and -j determinism of every format."""
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import check, finish, load_jsonl, parser, run  # noqa: E402


def copy_samples(src, dst, names):
    for n in names:
        shutil.copytree(os.path.join(src, n), os.path.join(dst, n))


STRICT_BODY = """# Release Notes

## Overview
Write release notes that users read. **Core principle:** say what changed for the reader.

## When to Use This Skill
Before tagging a release. You MUST run it on every release branch.

## Core Patterns

### Pattern 1: Lead with impact
❌ Common mistake: listing commits. ✅ Production pattern: one line per user-visible change.
**Key insight:** readers scan.

### Pattern 2: Group by audience
### Pattern 3: Link the issue
### Pattern 4: Name breaking changes first
### Pattern 5: Date every entry

```bash
git log --oneline v1.0..v1.1
git tag -l
git describe --tags
```

```python
def title(change):
    return change.summary.strip()
```

## Quick Reference
## Common Mistakes
## Red Flags
## Quick Start
## Real-World Impact
See references/style.md for the style guide.
"""


def strict_gate(bin_, root, env):
    """strict fails `check` on a specification error even when the score is high."""
    for name, fm_name in (("release-notes", "release-notes"), ("misnamed", "release-notes")):
        d = os.path.join(root, name)
        os.makedirs(os.path.join(d, "references"))
        with open(os.path.join(d, "references", "style.md"), "w") as f:
            f.write("# Style\n")
        with open(os.path.join(d, "SKILL.md"), "w") as f:
            f.write("---\nname: " + fm_name + "\ndescription: Use when writing release notes before tagging a "
                    "release, after merging the last change\nmetadata:\n  skill_id: release-notes\n"
                    "  version: 1.0.0\n  type: technical\n---\n" + STRICT_BODY)
    good = run([bin_, "check", "release-notes", "--no-config", "--profile", "strict", "--format", "jsonl"],
               cwd=root, env=env)
    bad = run([bin_, "check", "misnamed", "--no-config", "--profile", "strict", "--format", "jsonl"],
              cwd=root, env=env)
    g, b = load_jsonl(good.stdout), load_jsonl(bad.stdout)
    check(good.returncode == 0 and g and g[0]["score"] >= 0.85 and
          not [i for i in g[0]["issues"] if i["severity"] == "error"],
          f"strict: a conforming, complete skill passes check (exit {good.returncode}, "
          f"score {g[0]['score'] if g else None})")
    check(bad.returncode == 1 and b and b[0]["score"] == g[0]["score"] and
          [i["rule"] for i in b[0]["issues"] if i["severity"] == "error"] == ["AS017"],
          f"strict: the same skill in a directory its name does not match fails check on AS017 alone, "
          f"same score (exit {bad.returncode})")


def main():
    ap = parser("bin", "source")
    a = ap.parse_args()
    bin_ = os.path.abspath(a.bin)
    samples = os.path.join(a.source, "samples")
    tmp = tempfile.mkdtemp(prefix="skillscore-gate-")
    env = dict(os.environ, CI="true")
    try:
        tree = os.path.join(tmp, "repo")
        os.makedirs(tree)
        good, fair, poor = "excellent-git-bisect", "fair-regex-debugging", "poor-meeting-notes"
        copy_samples(samples, tree, [good, fair, poor])
        score = {}
        for r in load_jsonl(run([bin_, "check", ".", "--format", "jsonl", "--no-config"], cwd=tree, env=env).stdout):
            score[r["path"].split("/")[0]] = r["score"]
        check(score[good] > 0.85 and score[poor] < 0.5, f"sample scores as expected ({score})")

        # check never writes files; exit codes follow the gates.
        p = run([bin_, "check", ".", "--no-config", "--fail-on", "none"], cwd=tree, env=env)
        check(p.returncode == 0, f"check without gates exits 0 (got {p.returncode})")
        written = [f for _, _, fs in os.walk(tree) for f in fs if f == "quality_assessment.json"]
        check(not written, "check writes no quality_assessment.json")
        p = run([bin_, "check", ".", "--no-config", "--fail-on", "none", "--min-score", "0.5"], cwd=tree, env=env)
        check(p.returncode == 1, f"--min-score 0.5 fails with exit 1 (got {p.returncode})")
        check("gate min-score 0.500: failed" in p.stderr and f"{poor}/SKILL.md" not in p.stderr,
              "stderr states the failed gate; the text report on stdout names the skill, once")
        check(p.stdout.count(f"{poor}/SKILL.md") >= 2 and "below --min-score 0.500:\n" in p.stdout,
              "stdout names the failing skill in its list and in the skills below --min-score")
        p = run([bin_, "check", ".", "--no-config", "--fail-on", "none", "--min-score", "0.5", "--format", "jsonl"],
                cwd=tree, env=env)
        check(f"{poor}/SKILL.md: score" in p.stderr and "below --min-score 0.500" in p.stderr,
              "with a machine format the failing skill is named on stderr")
        check(f"{good}/SKILL.md: score" not in p.stderr, "passing skills are not named")
        p = run([bin_, "check", ".", "--no-config", "--fail-on", "none", "--min-score", "0.5", "--exit-zero"],
                cwd=tree, env=env)
        check(p.returncode == 0, "--exit-zero forces 0 on failed thresholds")
        mean = sum(score.values()) / len(score)
        p = run([bin_, "check", ".", "--no-config", "--fail-on", "none", "--min-mean", f"{mean + 0.01:.4f}"],
                cwd=tree, env=env)
        check(p.returncode == 1 and "gate min-mean" in p.stderr and "failed (mean" in p.stderr,
              "--min-mean above the mean fails")
        p = run([bin_, "check", ".", "--no-config", "--fail-on", "none", "--min-mean", f"{mean - 0.01:.4f}"],
                cwd=tree, env=env)
        check(p.returncode == 0, "--min-mean below the mean passes")
        p = run([bin_, "check", good, "--no-config"], cwd=tree, env=env)
        check(p.returncode == 0, f"check (default --fail-on error) passes a good skill (got {p.returncode})")
        p = run([bin_, "check", ".", "missing", "--no-config", "--fail-on", "none", "--exit-zero"], cwd=tree, env=env)
        check(p.returncode == 2, "a missing path exits 2 even with --exit-zero")
        p = run([bin_, "score", ".", "--no-config", "--no-write", "--min-score", "0.5"], cwd=tree, env=env)
        check(p.returncode == 1, "score honours --min-score too")

        # Several outputs at once, and the summary.
        out = os.path.join(tmp, "out")
        os.makedirs(out)
        p = run([bin_, "check", ".", "--no-config", "--fail-on", "none", "--format", "jsonl",
                 "--output", f"jsonl:{out}/a.jsonl", "--output", f"json:{out}/a.json",
                 "--summary", f"{out}/summary.json"], cwd=tree, env=env)
        check(p.returncode == 0, "--output and --summary run")
        check(open(f"{out}/a.jsonl").read() == p.stdout, "--output jsonl:PATH equals the stdout jsonl")
        j = json.load(open(f"{out}/a.json"))
        check(len(j["assessments"]) == 3, "--output json:PATH holds 3 assessments")
        s = json.load(open(f"{out}/summary.json"))
        check(s["scored"] == 3 and s["errors"] == 0, "summary counts")
        check(abs(s["mean"] - mean) < 1e-12 and s["min"] == min(score.values()) and s["max"] == max(score.values()),
              "summary mean/min/max")
        check(s["median"] == sorted(score.values())[1], "summary median")
        check(sum(s["ratings"].values()) == 3, "summary ratings add up")
        check(s["lowest"][0]["path"] == f"{poor}/SKILL.md", "lowest-scoring skill first")
        check(all(i["skills"] >= 1 for i in s["top_issues"]) and
              [i["skills"] for i in s["top_issues"]] == sorted([i["skills"] for i in s["top_issues"]], reverse=True),
              "top issues sorted by skills affected")
        p = run([bin_, "check", ".", "--no-config", "--output", "nope:x"], cwd=tree, env=env)
        check(p.returncode == 2 and "--output" in p.stderr, "a bad --output is a usage error (exit 2)")

        # Baseline: a regression, a new skill, a removed one.
        baseline = os.path.join(out, "baseline.jsonl")
        shutil.copy(f"{out}/a.jsonl", baseline)
        with open(os.path.join(tree, fair, "SKILL.md"), encoding="utf-8") as f:
            text = f.read()
        with open(os.path.join(tree, fair, "SKILL.md"), "w", encoding="utf-8") as f:
            # Drop every heading line: sections and patterns go, the score drops.
            f.write("\n".join(l for l in text.split("\n") if not l.startswith("#")))
        shutil.rmtree(os.path.join(tree, poor))
        copy_samples(samples, tree, ["good-writing-changelogs"])
        p = run([bin_, "check", ".", "--no-config", "--fail-on", "none", "--baseline", baseline,
                 "--summary", f"{out}/s2.json"], cwd=tree, env=env)
        check(p.returncode == 0, "a regression without --fail-on-regression passes")
        s2 = json.load(open(f"{out}/s2.json"))["baseline"]
        check(s2["regressions"] == 1 and s2["deltas"][0]["path"] == f"{fair}/SKILL.md" and s2["deltas"][0]["regression"],
              "the regression is listed first")
        check(s2["added"] == ["good-writing-changelogs/SKILL.md"] and s2["removed"] == [f"{poor}/SKILL.md"],
              "new and removed skills are listed")
        check("regression" in p.stdout and "new" in p.stdout and "removed" in p.stdout, "text summary shows the baseline")
        p = run([bin_, "check", ".", "--no-config", "--fail-on", "none", "--baseline", baseline,
                 "--fail-on-regression"], cwd=tree, env=env)
        check(p.returncode == 1 and "gate regression tolerance 0.000: failed (1 skill dropped)" in p.stderr,
              "--fail-on-regression exits 1")
        drop = s2["deltas"][0]["before"] - s2["deltas"][0]["after"]
        p = run([bin_, "check", ".", "--no-config", "--fail-on", "none", "--baseline", baseline,
                 "--fail-on-regression", "--tolerance", f"{min(drop + 0.01, 1.0):.4f}"], cwd=tree, env=env)
        check(p.returncode == 0, "--tolerance above the drop passes")
        p = run([bin_, "check", ".", "--no-config", "--fail-on-regression"], cwd=tree, env=env)
        check(p.returncode == 2, "--fail-on-regression without --baseline is a usage error")

        # Configuration file: found upwards, CLI wins, overrides, errors with file:line.
        with open(os.path.join(tree, ".skillscore.yaml"), "w") as f:
            f.write("min-score: 0.99\nfail-on: none\n")
        sub = os.path.join(tree, fair)
        p = run([bin_, "check", "."], cwd=sub, env=env)
        check(p.returncode == 1, "config min-score found by walking up from a subdirectory")
        p = run([bin_, "check", ".", "--min-score", "0.1"], cwd=sub, env=env)
        check(p.returncode == 0, "--min-score on the command line wins over the config")
        p = run([bin_, "check", ".", "--no-config"], cwd=sub, env=env)
        check(p.returncode == 0, "--no-config ignores it")
        with open(os.path.join(tree, ".skillscore.yaml"), "w") as f:
            f.write("fail-on: none\nminimum-score: 0.5\n")
        p = run([bin_, "check", "."], cwd=tree, env=env)
        check(p.returncode == 2 and ".skillscore.yaml:2:" in p.stderr and "unknown key 'minimum-score'" in p.stderr,
              "unknown config key: exit 2 naming file and line")
        with open(os.path.join(tree, ".skillscore.yaml"), "w") as f:
            f.write("fail-on: none\noverrides:\n  SF040: {enabled: false}\n  strong-guidance: {severity: error}\n")
        rec = load_jsonl(run([bin_, "check", fair, "--format", "jsonl"], cwd=tree, env=env).stdout)[0]
        rules = {i["rule"]: i for i in rec["issues"]}
        check("SF040" not in rules, "override enabled: false drops the rule's issue")
        check(rules.get("SF041", {}).get("severity") == "error", "override severity (by slug) applies")
        base = load_jsonl(run([bin_, "check", fair, "--format", "jsonl", "--no-config"], cwd=tree, env=env).stdout)[0]
        with open(os.path.join(tree, ".skillscore.yaml"), "w") as f:
            f.write("fail-on: none\noverrides:\n  SF021: {weight: 0.5}\n")
        heavy = load_jsonl(run([bin_, "check", fair, "--format", "jsonl"], cwd=tree, env=env).stdout)[0]
        check(heavy["score"] != base["score"], f"override weight changes the score ({base['score']} -> {heavy['score']})")
        with open(os.path.join(tree, ".skillscore.yaml"), "w") as f:
            f.write("overrides:\n  SF999: {enabled: false}\n")
        p = run([bin_, "check", "."], cwd=tree, env=env)
        check(p.returncode == 2 and ".skillscore.yaml:2:" in p.stderr and "SF999" in p.stderr,
              "an unknown rule in overrides is an error with file and line")
        with open(os.path.join(tree, ".skillscore.yaml"), "w") as f:
            f.write(f"fail-on: none\nexclude: ['{fair}/**']\n")
        recs = load_jsonl(run([bin_, "check", ".", "--format", "jsonl"], cwd=tree, env=env).stdout)
        check(all(not r["path"].startswith(fair) for r in recs) and len(recs) == 2, "config exclude glob")
        os.remove(os.path.join(tree, ".skillscore.yaml"))
        recs = load_jsonl(run([bin_, "check", ".", "--no-config", "--format", "jsonl", "--include", "*changelogs*"],
                              cwd=tree, env=env).stdout)
        check([r["path"] for r in recs] == ["good-writing-changelogs/SKILL.md"], "--include glob on a directory name")
        recs = load_jsonl(run([bin_, "check", ".", "--no-config", "--format", "jsonl", "--exclude", "**/SKILL.md"],
                              cwd=tree, env=env).stdout)
        check(recs == [], "--exclude '**/SKILL.md' excludes everything")

        # Every format is byte-identical for -j1 and -j2.
        copy_samples(samples, tree, ["fair-api-error-messages", "trap-crlf-line-endings", "poor-generic-helper"])
        names = [f["name"] for f in [{"name": n} for n in
                 ("text", "json", "jsonl", "csv", "sarif", "junit", "github", "markdown")]]
        for fmt in names:
            outs = [run([bin_, "check", ".", "--no-config", "--fail-on", "none", "--min-score", "0.5", "--format", fmt,
                         "-j", j], cwd=tree, env=env) for j in ("1", "2")]
            check(outs[0].stdout == outs[1].stdout and outs[0].stdout and outs[0].returncode == outs[1].returncode,
                  f"--format {fmt}: -j1 and -j2 byte-identical")

        # strict: a specification error fails `check` whatever the score.
        strict_gate(bin_, os.path.join(tmp, "strict"), env)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish("gates")


if __name__ == "__main__":
    sys.exit(main())
