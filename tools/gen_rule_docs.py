#!/usr/bin/env python3
"""Generates docs/rules/<ID>.md (one page per rule) and docs/rules/README.md (the index)
from the built-in rule files, through `skillscore rules --format json` and
`skillscore explain` (what a check's `doc`, outcomes and weight say).

  tools/gen_rule_docs.py --bin build/skillscore --out docs/rules          # write
  tools/gen_rule_docs.py --bin build/skillscore --out docs/rules --check  # fail when stale (ctest rule_docs)
"""
import argparse
import json
import subprocess
import sys
from pathlib import Path

PROFILES = ["skill-fleet-v2", "agentskills", "strict", "security", "budgets"]  # a rule's page comes from the first that has it


def run(binary: str, *args: str) -> str:
    return subprocess.run([binary, *args], check=True, capture_output=True, text=True).stdout


def fence_outcomes(lines: list[str]) -> list[str]:
    """The indented outcome list of `explain` as a code block (Markdown would reflow it)."""
    out, inside = [], False
    for line in lines:
        if inside and not line.startswith(" "):
            out.append("```")
            inside = False
        out.append(line)
        if line.startswith("Outcomes, "):
            out.append("```text")
            inside = True
    if inside:
        out.append("```")
    return out


def pages(binary: str) -> dict[str, str]:
    out: dict[str, str] = {}
    index = ["# Rules", "", "One page per rule, generated from the rule files (`rules/*.yaml`) by",
             "`tools/gen_rule_docs.py`; do not edit by hand.", ""]
    for profile in PROFILES:
        rules = json.loads(run(binary, "rules", "--format", "json", "--profile", profile))["rules"]
        rows = []
        for r in rules:
            rid = r["id"]
            rows.append(f"| [{rid}]({rid}.md) | `{r['slug']}` | {r['severity']} | {r['title']} |")
            if f"{rid}.md" in out:
                continue
            text = run(binary, "explain", rid, "--profile", profile)
            body = [line for line in text.splitlines() if not line.startswith("Page: ")]
            head, rest = body[0], fence_outcomes(body[1:])
            out[f"{rid}.md"] = f"# {rid} {r['slug']}\n\n`{head}`\n" + "\n".join(rest).rstrip() + "\n"
        index += [f"## {profile}", "", "| id | slug | severity | title |", "| --- | --- | --- | --- |", *rows, ""]
    out["README.md"] = "\n".join(index)
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--out", required=True, type=Path)
    ap.add_argument("--check", action="store_true", help="compare with the committed pages instead of writing")
    args = ap.parse_args()
    want = pages(args.bin)
    if args.check:
        have = {p.name: p.read_text(encoding="utf-8") for p in args.out.glob("*.md")} if args.out.is_dir() else {}
        stale = sorted(n for n in set(want) | set(have) if want.get(n) != have.get(n))
        for n in stale:
            print(f"{args.out / n}: {'missing' if n not in have else 'not generated' if n not in want else 'stale'}")
        if stale:
            print(f"{len(stale)} rule page(s) differ from the rule files: run "
                  f"tools/gen_rule_docs.py --bin build/skillscore --out docs/rules and commit the pages.")
            return 1
        print(f"rule docs: {len(want)} pages up to date")
        return 0
    args.out.mkdir(parents=True, exist_ok=True)
    for old in args.out.glob("*.md"):
        if old.name not in want:
            old.unlink()
    for name, text in want.items():
        (args.out / name).write_text(text, encoding="utf-8")
    print(f"wrote {len(want)} pages in {args.out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
