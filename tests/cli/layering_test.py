#!/usr/bin/env python3
"""Fails on any include that goes against ARCHITECTURE.md's module order.

The order is read from the module table of ARCHITECTURE.md itself (its rows, top to
bottom), so the document and this test cannot drift. A file of module M may include
headers of M and of the modules above it, never of those below. Checked: every
`#include "skillscore/..."` and every include of a header inside src/ (resolved from the
including file's directory) in include/skillscore/ and src/.
"""
import argparse
import re
import sys
from pathlib import Path


def module_order(architecture: Path) -> list[str]:
    text = architecture.read_text(encoding="utf-8")
    section = text.split("## Modules and layering", 1)[1].split("\n## ", 1)[0]
    mods = re.findall(r"^\|\s*`([\w/]+)`\s*\|", section, re.M)
    if len(mods) < 3:
        sys.exit(f"{architecture}: no module table found under '## Modules and layering'")
    return mods


def module_of(rel: str, mods: list[str]) -> str | None:
    """The module of a path relative to include/skillscore/ or src/ (longest prefix)."""
    stem = rel.rsplit(".", 1)[0]
    best = None
    for m in mods:
        if stem == m or stem.startswith(m + "/"):
            if best is None or len(m) > len(best):
                best = m
    return best


def self_check(mods: list[str]) -> None:
    """The mapping this test relies on, on paths whose answer is known."""
    assert module_of("score/rating.hpp", mods) == "score/rating", "score/rating is its own module"
    assert module_of("score/scorer.hpp", mods) == "score"
    assert module_of("rules/metric_kinds/search.cpp", mods) == "rules", "subdirectories belong to their module"
    assert mods.index("util") < mods.index("rules") < mods.index("cli"), "util first, cli last"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--source", required=True, type=Path)
    args = ap.parse_args()
    root = args.source
    mods = module_order(root / "ARCHITECTURE.md")
    self_check(mods)
    rank = {m: i for i, m in enumerate(mods)}
    include_root, src_root = root / "include" / "skillscore", root / "src"
    bad, checked = [], 0
    files = [(p, p.relative_to(include_root)) for p in include_root.rglob("*.hpp")]
    files += [(p, p.relative_to(src_root)) for p in src_root.rglob("*") if p.suffix in (".cpp", ".hpp", ".inc")]
    for path, rel in files:
        own = module_of(rel.as_posix(), mods)
        if own is None:
            bad.append(f"{path.relative_to(root)}: in no module of ARCHITECTURE.md's table")
            continue
        for n, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            m = re.match(r'\s*#\s*include\s+"([^"]+)"', line)
            if not m:
                continue
            target = m.group(1)
            if target.startswith("skillscore/"):
                dep = module_of(target[len("skillscore/"):], mods)
            else:
                resolved = (path.parent / target).resolve()
                try:
                    dep = module_of(resolved.relative_to(src_root.resolve()).as_posix(), mods)
                except ValueError:
                    continue  # generated or outside src/: not a module's header
            checked += 1
            if dep is None:
                bad.append(f"{path.relative_to(root)}:{n}: includes {target}, in no module of ARCHITECTURE.md's table")
            elif rank[dep] > rank[own]:
                bad.append(f"{path.relative_to(root)}:{n}: module {own} includes {target} of {dep}, "
                           f"which ARCHITECTURE.md puts below it")
    for b in bad:
        print(b)
    print(f"layering: {checked} includes checked against the order {' > '.join(mods)}; {len(bad)} violations")
    return 1 if bad or checked == 0 else 0


if __name__ == "__main__":
    sys.exit(main())
