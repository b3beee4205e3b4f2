#!/usr/bin/env python3
"""The man page and the completions that `skillscore generate` derives from
the CLI definition: every option of `--help` is in them, groff reads the page
without a warning, and the bash completion completes commands, options and
their values (run in bash). zsh and fish scripts are syntax-checked when
those shells are installed (said otherwise)."""
import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import run  # noqa: E402


def long_options(help_text):
    return sorted(set(re.findall(r"(?<![\w-])--([a-z][a-z-]*)", help_text)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    a = ap.parse_args()
    failures = []
    out = {}
    for what in ("man", "bash", "zsh", "fish"):
        proc = run([a.bin, "generate", what])
        if proc.returncode != 0 or not proc.stdout:
            failures.append(f"generate {what}: exit {proc.returncode} {proc.stderr[:200]}")
        out[what] = proc.stdout
    if run([a.bin, "generate", "nope"]).returncode != 2:
        failures.append("generate nope: expected exit 2")
    if "generate" in run([a.bin, "--help"]).stdout:
        failures.append("generate shows in --help (it is meant hidden)")

    commands = ("score", "check", "rules", "explain")
    for cmd in commands:
        opts = long_options(run([a.bin, cmd, "--help"]).stdout)
        if len(opts) < 3:
            failures.append(f"{cmd} --help lists too few options: {opts}")
        for o in opts:
            if f"\\-\\-{o.replace('-', chr(92) + '-')}" not in out["man"]:
                failures.append(f"man: --{o} of {cmd} missing")
            for shell in ("bash", "zsh"):
                if f"--{o}" not in out[shell]:
                    failures.append(f"{shell}: --{o} of {cmd} missing")
            if f"-l {o}" not in out["fish"]:
                failures.append(f"fish: --{o} of {cmd} missing")
        if f".SS {cmd}" not in out["man"]:
            failures.append(f"man: no section for {cmd}")

    # Flags take no value; repeatable options say so once.
    for flag in ("no-config", "help", "exit-zero"):
        shown = "\\-\\-" + flag.replace("-", "\\-") + "\\fR \\fI"
        if shown in out["man"]:
            failures.append(f"man: the flag --{flag} is shown with a value")
    if "repeatable); repeatable" in out["man"] or "(repeatable) (repeatable)" in out["man"]:
        failures.append("man: 'repeatable' said twice")

    if shutil.which("groff"):
        proc = subprocess.run(["groff", "-man", "-Tutf8", "-ww", "-z"], input=out["man"], capture_output=True, text=True)
        if proc.returncode != 0 or proc.stderr.strip():
            failures.append(f"groff warns: {proc.stderr.strip()[:300]}")
    else:
        print("groff not installed: man page rendering not checked")

    with tempfile.TemporaryDirectory() as tmp:
        script = os.path.join(tmp, "skillscore.bash")
        with open(script, "w", encoding="utf-8") as f:
            f.write(out["bash"])

        def complete(*words):
            line = " ".join(f"'{w}'" for w in words)
            proc = subprocess.run(["bash", "-c", f'source "{script}"; COMP_WORDS=({line}); '
                                   f"COMP_CWORD={len(words) - 1}; _skillscore; printf '%s\\n' \"${{COMPREPLY[@]}}\""],
                                  capture_output=True, text=True, cwd=tmp)
            if proc.returncode != 0:
                failures.append(f"bash completion of {words}: {proc.stderr[:200]}")
            return set(proc.stdout.split())

        for words, want in (
            (("skillscore", ""), {"score", "check", "rules", "explain", "--version", "--help", "-h"}),
            (("skillscore", "ch"), {"check"}),
            (("skillscore", "check", "--pro"), {"--profile", "--profile-time"}),
            (("skillscore", "check", "--profile", ""), {"skill-fleet-v2", "agentskills", "strict", "security", "budgets"}),
            (("skillscore", "score", "--format", "sa"), {"sarif"}),
            (("skillscore", "check", "--fail-on", ""), {"error", "warning", "info", "none"}),
            (("skillscore", "rules", "--format", ""), {"text", "json"}),
            (("skillscore", "check", "--wei"), {"--weights"}),
        ):
            got = complete(*words)
            # Commands and profiles: at least these (more may come), never the hidden command.
            if words[-2:] in (("skillscore", ""), ("--profile", "")) and want <= got and "generate" not in got:
                continue
            if got != want:
                failures.append(f"bash: {' '.join(words)!r} completes to {sorted(got)}, expected {sorted(want)}")

        for shell, flag in (("zsh", "-n"), ("fish", "--no-execute")):
            if not shutil.which(shell):
                print(f"{shell} not installed: its completion script is not syntax-checked")
                continue
            path = os.path.join(tmp, f"skillscore.{shell}")
            with open(path, "w", encoding="utf-8") as f:
                f.write(out[shell])
            proc = subprocess.run([shell, flag, path], capture_output=True, text=True)
            if proc.returncode != 0:
                failures.append(f"{shell} {flag}: {proc.stderr[:300]}")

    for f in failures:
        print("FAIL", f)
    print(f"docgen: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
