#!/usr/bin/env python3
"""Every rule of every built-in profile has a passing and a failing fixture.

Layout (tests/fixtures/rules/):

    <profile>/<RULE-ID>/pass/<skill-dir>/SKILL.md   (plus files beside it)
    <profile>/<RULE-ID>/fail/<skill-dir>/SKILL.md

For each rule listed by `skillscore rules --profile P --format json`:

* both pass/ and fail/ exist and hold exactly one SKILL.md (or skill.md);
* `skillscore check <skill-dir> --profile P` is run from inside pass/ and fail/
  (so the skill's parent directory is <skill-dir>, as agentskills' name check
  needs);
* a rule with an issue outcome (or one of skillscore's own diagnostics, SSnnn)
  must fire, i.e. an issue with its id is in `issues`, for fail/ and must not
  for pass/;
* a strength-only rule (its `explain` lists no issue outcome) must put one of
  its strength messages in `strengths` for pass/ and none for fail/ (a message
  with {placeholders} is matched as its prefix up to the first '{');
* the first HTML comment of the fixture may state `at line N`: the fired issue
  must then be reported at line N; and `-> "text"` (or `-> strength "text"`):
  the fired issue's message (or, for a strength-only rule's pass/, the strength)
  must contain text.

A rule a profile includes from another profile (strict includes agentskills)
keeps its id, and its fixtures are those of its home profile, judged under the
including profile too.

skillscore's own diagnostics (SS001-SS003) are listed by every profile, but a
profile may replace them: agentskills reads the frontmatter state itself
(AS003, AS004), and skill-fleet-v2 ignores suppressions (SS003). Their fixtures
live under one profile; a profile without its own <profile>/SSnnn/ directory is
run on those, and there the diagnostic must either behave as named or fire for
neither fixture (replaced).

Standard library only. Exit 0 when every rule is covered and behaves as named.
"""

import argparse
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

PROFILES = ["skill-fleet-v2", "agentskills", "strict", "security", "budgets"]
HOME_PROFILE = "skill-fleet-v2"  # where skillscore's own diagnostics' fixtures live
SKILL_FILES = ("SKILL.md", "skill.md")

COMMENT_RE = re.compile(r"<!--(.*?)-->", re.S)
LINE_RE = re.compile(r"\bat line (\d+)\b")
TEXT_RE = re.compile(r'->\s*(?:strength\s+)?"([^"]*)"')


def run(cmd, cwd=None):
    p = subprocess.run(cmd, cwd=cwd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=60)
    return p.returncode, p.stdout.decode("utf-8", "replace"), p.stderr.decode("utf-8", "replace")


def list_rules(binary, profile):
    rc, out, err = run([binary, "rules", "--profile", profile, "--format", "json"])
    if rc != 0:
        raise SystemExit(f"`rules --profile {profile}` failed ({rc}): {err.strip()}")
    return [r["id"] for r in json.loads(out)["rules"]]


class RuleDoc:
    """What `skillscore explain` says about one rule."""

    def __init__(self, text):
        first = text.splitlines()[0] if text else ""
        self.diagnostic = "(skillscore," in first
        self.has_issue = False
        self.strengths = []
        lines = text.splitlines()
        for i, line in enumerate(lines):
            if line.startswith("  issue"):
                self.has_issue = True
            elif line.startswith("  strength") and i + 1 < len(lines):
                msg = lines[i + 1].strip()
                if len(msg) >= 2 and msg[0] == '"' and msg[-1] == '"':
                    msg = msg[1:-1]
                self.strengths.append(msg)

    @property
    def strength_only(self):
        return not self.diagnostic and not self.has_issue and bool(self.strengths)

    def strength_in(self, strengths):
        """The first of this rule's strength messages present in `strengths`, or None."""
        for m in self.strengths:
            if "{" in m:
                prefix = m[: m.index("{")]
                hit = next((s for s in strengths if s.startswith(prefix)), None)
            else:
                hit = m if m in strengths else None
            if hit is not None:
                return hit
        return None


def explain(binary, rule, profile):
    rc, out, err = run([binary, "explain", rule, "--profile", profile])
    if rc != 0:
        raise SystemExit(f"`explain {rule} --profile {profile}` failed ({rc}): {err.strip()}")
    return RuleDoc(out)


def find_skill(case_dir):
    """(skill-dir relative to case_dir, SKILL.md path) or an error string."""
    if not os.path.isdir(case_dir):
        return f"{os.path.basename(case_dir)}/ missing"
    found = []
    for root, _dirs, files in os.walk(case_dir):
        found += [os.path.join(root, f) for f in files if f in SKILL_FILES]
    if len(found) != 1:
        return f"{os.path.basename(case_dir)}/ holds {len(found)} SKILL.md files, expected exactly 1"
    skill_dir = os.path.relpath(os.path.dirname(found[0]), case_dir)
    if skill_dir == ".":
        return f"{os.path.basename(case_dir)}/SKILL.md must be inside a skill directory"
    return skill_dir, found[0]


def expectations(skill_md):
    """(line or None, text or None) stated in the fixture's first HTML comment."""
    with open(skill_md, encoding="utf-8", errors="replace") as f:
        m = COMMENT_RE.search(f.read())
    if not m:
        return None, None
    line = LINE_RE.search(m.group(1))
    text = TEXT_RE.search(m.group(1))
    return (int(line.group(1)) if line else None), (text.group(1) if text else None)


def check(binary, profile, case_dir, skill_dir):
    rc, out, err = run(
        [binary, "check", skill_dir, "--profile", profile, "--no-config", "--fail-on", "none", "--format", "jsonl"],
        cwd=case_dir,
    )
    if rc != 0:
        return f"check exited {rc}: {err.strip()[:300]}"
    records = [json.loads(l) for l in out.splitlines() if l.strip()]
    if len(records) != 1:
        return f"check reported {len(records)} skills, expected 1"
    return records[0]


def judge(binary, profile, rule, doc, rule_dir, replaceable):
    """Problems (empty when fine) and a note, for one rule."""
    problems = []
    cases = {}
    for kind in ("pass", "fail"):
        found = find_skill(os.path.join(rule_dir, kind))
        if isinstance(found, str):
            problems.append(found)
        else:
            cases[kind] = found
    if problems:
        return problems, ""

    results = {}
    for kind, (skill_dir, _md) in cases.items():
        rec = check(binary, profile, os.path.join(rule_dir, kind), skill_dir)
        if isinstance(rec, str):
            problems.append(f"{kind}: {rec}")
        else:
            results[kind] = rec
    if problems:
        return problems, ""

    fired = {k: [i for i in r.get("issues", []) if i.get("rule") == rule] for k, r in results.items()}
    if replaceable and not fired["pass"] and not fired["fail"]:
        return [], f"replaced in {profile} (never fires); fixtures of {os.path.basename(os.path.dirname(rule_dir))}"

    line, text = expectations(cases["fail"][1])
    if doc.strength_only:
        hit = doc.strength_in(results["pass"].get("strengths", []))
        if hit is None:
            problems.append(f"pass: none of the strengths {doc.strengths} in {results['pass'].get('strengths')}")
        other = doc.strength_in(results["fail"].get("strengths", []))
        if other is not None:
            problems.append(f"fail: strength {other!r} is there")
        _, p_text = expectations(cases["pass"][1])
        if hit is not None and p_text is not None and p_text not in hit:
            problems.append(f"pass: strength {hit!r} does not contain {p_text!r}")
        return problems, "strength-only"

    if fired["pass"]:
        problems.append(f"pass: fires {[i.get('message') for i in fired['pass']]}")
    if not fired["fail"]:
        problems.append(f"fail: does not fire (issues: {[i.get('rule') for i in results['fail'].get('issues', [])]})")
    else:
        issue = fired["fail"][0]
        if line is not None and issue.get("line") != line:
            problems.append(f"fail: reported at line {issue.get('line')}, the fixture says line {line}")
        if text is not None and text not in (issue.get("message") or ""):
            problems.append(f"fail: message {issue.get('message')!r} does not contain {text!r}")
    return problems, ""


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--fixtures", required=True)
    ap.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 4)
    args = ap.parse_args()
    binary = os.path.abspath(args.bin)
    fixtures = os.path.abspath(args.fixtures)
    if not os.path.isdir(fixtures):
        print(f"no fixtures directory {fixtures}", file=sys.stderr)
        return 1

    jobs = []  # (profile, rule)
    for profile in PROFILES:
        for rule in list_rules(binary, profile):
            jobs.append((profile, rule))

    def one(job):
        profile, rule = job
        doc = explain(binary, rule, profile)
        rule_dir = os.path.join(fixtures, profile, rule)
        replaceable = False
        if not doc.diagnostic and not os.path.isdir(rule_dir):
            # A rule a profile includes from another (strict includes
            # agentskills): the same rule, judged on its home fixtures.
            for home in sorted(os.listdir(fixtures)):
                if home != profile and os.path.isdir(os.path.join(fixtures, home, rule)):
                    rule_dir = os.path.join(fixtures, home, rule)
                    break
        if doc.diagnostic and not os.path.isdir(rule_dir):
            # Borrow the diagnostic's fixtures from the profile that has them
            # (skill-fleet-v2 first); here it may also never fire (replaced:
            # e.g. SS003 under skill-fleet-v2, which ignores suppressions).
            homes = [HOME_PROFILE] + sorted(os.listdir(fixtures))
            for home in homes:
                if os.path.isdir(os.path.join(fixtures, home, rule)):
                    rule_dir = os.path.join(fixtures, home, rule)
                    break
            replaceable = True
        problems, note = judge(binary, profile, rule, doc, rule_dir, replaceable)
        return profile, rule, problems, note

    with ThreadPoolExecutor(max_workers=max(1, args.jobs)) as ex:
        results = list(ex.map(one, jobs))

    ok = 0
    for profile, rule, problems, note in results:
        if problems:
            print(f"FAIL {profile} {rule}: " + "; ".join(problems))
        else:
            ok += 1
            print(f"ok   {profile} {rule}" + (f" ({note})" if note else ""))

    # Directories for rules that no profile lists (a renamed or removed rule).
    listed = {(p, r) for p, r in jobs}
    stray = []
    for profile in sorted(os.listdir(fixtures)):
        pdir = os.path.join(fixtures, profile)
        if not os.path.isdir(pdir):
            continue
        for rule in sorted(os.listdir(pdir)):
            if os.path.isdir(os.path.join(pdir, rule)) and (profile, rule) not in listed:
                stray.append(f"{profile}/{rule}")
    for s in stray:
        print(f"FAIL stray fixture directory {s}: no such rule in that profile")

    print(f"rule fixtures: {ok}/{len(results)} rules with both fixtures behaving as named")
    return 0 if ok == len(results) and not stray else 1


if __name__ == "__main__":
    sys.exit(main())
