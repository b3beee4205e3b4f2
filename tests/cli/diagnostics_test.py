#!/usr/bin/env python3
"""skillscore's own diagnostics on stderr: each exactly once and newline-terminated,
whether stderr is a pipe, a file, or shares stdout's pipe, with a body large
enough (over 4 KiB) that the agentskills profile parses it in a forked Markdown
worker. And one missing link is one missing reference (AS050)."""
import argparse
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import check, finish  # noqa: E402


SKILL = """---
name: big-skill
description: Use when checking that diagnostics are written once.
---
# Big skill

{filler}

Read [the guide](references/nope.md) first.
"""


def diagnostics(text):
    return [l for l in text.split("\n") if l.startswith("skillscore: ")]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    a = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        skill = os.path.join(tmp, "skills", "big-skill")
        os.makedirs(skill)
        with open(os.path.join(skill, "SKILL.md"), "w", encoding="utf-8") as f:
            f.write(SKILL.format(filler="Plain words in a paragraph. " * 400))
        cmd = [a.bin, "check", os.path.join(tmp, "skills"), "--profile", "agentskills"]
        # stderr to a pipe, stdout to another.
        p = subprocess.run(cmd, capture_output=True, text=True)
        check(p.returncode == 1, f"exit 1 on a missing reference (got {p.returncode})")
        gate = [l for l in diagnostics(p.stderr) if "fail-on" in l]
        check(len(gate) == 1 and diagnostics(p.stderr) == gate,
              f"stderr to a pipe: the --fail-on gate message once, alone: {p.stderr!r}")
        want = gate[0] if gate else "<no gate message>"
        check(p.stderr.endswith("\n"), "stderr to a pipe ends with a newline")
        check("(1 missing reference(s))" in p.stdout and "references/nope.md" in p.stdout,
              "one missing link is one missing reference: " +
              next((l for l in p.stdout.splitlines() if "missing reference" in l), "<none>"))

        # stderr and stdout into one pipe (2>&1 | cat).
        p = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        check(p.stdout.count(want) == 1, "2>&1 into a pipe: the gate message once")
        check((want + "\n") in p.stdout, "2>&1 into a pipe: the message ends its line")

        # stderr to a file, stdout to /dev/null.
        err_path = os.path.join(tmp, "stderr.txt")
        with open(err_path, "w") as err, open(os.devnull, "w") as out:
            rc = subprocess.run(cmd, stdout=out, stderr=err).returncode
        text = open(err_path, encoding="utf-8").read()
        check(rc == 1, "stderr to a file: exit 1")
        check(diagnostics(text) == [want], f"stderr to a file, stdout to /dev/null: the message once: {text!r}")
        check(text.endswith("\n"), "stderr to a file ends with a newline")

        # Both into one file.
        both = os.path.join(tmp, "both.txt")
        with open(both, "w") as f:
            subprocess.run(cmd + ["-j", "2"], stdout=f, stderr=f)
        text = open(both, encoding="utf-8").read()
        check(text.count(want) == 1 and (want + "\n") in text, "stdout and stderr in one file: the message once")
    return finish("diagnostics")


if __name__ == "__main__":
    sys.exit(main())
