#!/usr/bin/env python3
"""The agentskills profile against skills-ref itself: every case of
tests/fixtures/agentskills_cases.json (observed by running skills-ref, see
docs/agentskills-spec.md) must give the same verdict and the same error
messages, in the same order."""
import argparse
import json
import os
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import load_jsonl, run  # noqa: E402


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--cases", required=True)
    a = ap.parse_args()
    cases = json.load(open(a.cases, encoding="utf-8"))
    tmp = tempfile.mkdtemp(prefix="skillscore-agentskills-")
    failures, checked, skipped = [], 0, []
    try:
        for i, c in enumerate(cases):
            root = os.path.join(tmp, str(i))
            d = os.path.join(root, c["dir_name"]) if c["dir_name"] else root
            os.makedirs(d, exist_ok=True)
            if c.get("file_name") not in ("SKILL.md", "skill.md"):
                # No file skillscore looks for (none, or a spelling like Skill.md):
                # a discovery matter, not a profile one.
                skipped.append(c["id"])
                continue
            with open(os.path.join(d, c["file_name"]), "w", encoding="utf-8", newline="") as f:
                f.write(c["skill_md"])
            for name, text in (c.get("extra_files") or {}).items():
                p = os.path.join(d, name)
                os.makedirs(os.path.dirname(p), exist_ok=True)
                with open(p, "w", encoding="utf-8") as f:
                    f.write(text)
            p = run([os.path.abspath(a.bin), "check", d, "--profile", "agentskills", "--no-config", "--fail-on", "none",
                     "--format", "jsonl"], cwd=root)
            recs = [r for r in load_jsonl(p.stdout) if "issues" in r]
            if len(recs) != 1:
                failures.append(f"{c['id']}: expected one assessment, got {p.stdout[:200]!r} {p.stderr[:200]!r}")
                continue
            # skills-ref's own rules are AS001-AS031; the later ones are skillscore's additions.
            errors = [x["message"] for x in recs[0]["issues"] if x["severity"] == "error" and x["rule"] <= "AS031"]
            checked += 1
            valid = not errors
            ok = valid == c["expect_valid"] and len(errors) == len(c["expect_errors"]) and all(
                want in got for want, got in zip(c["expect_errors"], errors))
            if not ok:
                failures.append(f"{c['id']}: skills-ref {c['expect_errors']} / skillscore {errors}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    for f in failures:
        print("FAIL", f)
    print(f"agentskills: {checked - len(failures)}/{checked} cases as skills-ref decides "
          f"({len(skipped)} cases without a SKILL.md/skill.md left to discovery: {', '.join(skipped)})")
    return 1 if failures or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
