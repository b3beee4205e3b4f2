#!/usr/bin/env python3
"""The plain git pre-commit hook (scripts/install-git-hook.sh) in a throwaway
repository: a skill below the threshold is refused with a clear message, a
good one is committed. Also checks .pre-commit-hooks.yaml's hook definition."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

FAILURES = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what)
    if not cond:
        FAILURES.append(what)


def git(repo, *args, env):
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    a = ap.parse_args()
    if shutil.which("git") is None:
        print("SKIPPED: git is not installed")
        return 77
    bin_ = os.path.abspath(a.bin)
    tmp = tempfile.mkdtemp(prefix="skillscore-hook-")
    env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.com", GIT_COMMITTER_NAME="t",
               GIT_COMMITTER_EMAIL="t@example.com", HOME=tmp, GIT_CONFIG_NOSYSTEM="1")
    try:
        repo = os.path.join(tmp, "skills")
        os.makedirs(repo)
        git(repo, "init", "-q", env=env)
        p = subprocess.run([os.path.join(a.source, "scripts", "install-git-hook.sh"), "--skillscore", bin_, repo],
                           capture_output=True, text=True, env=env)
        check(p.returncode == 0, f"install-git-hook.sh installs the hook ({p.stderr.strip()})")
        hook = os.path.join(repo, ".git", "hooks", "pre-commit")
        check(os.access(hook, os.X_OK), "the hook is executable")
        with open(os.path.join(repo, ".skillscore.yaml"), "w") as f:
            f.write("min-score: 0.7\n")
        git(repo, "add", ".skillscore.yaml", env=env)
        p = git(repo, "commit", "-q", "-m", "config", env=env)
        check(p.returncode == 0, "a commit without skills is not checked")

        samples = os.path.join(a.source, "samples")
        shutil.copytree(os.path.join(samples, "poor-meeting-notes"), os.path.join(repo, "notes dir"))
        git(repo, "add", "-A", env=env)
        p = git(repo, "commit", "-q", "-m", "poor skill", env=env)
        check(p.returncode != 0, "a commit of a skill below min-score is refused")
        check("commit refused" in p.stderr and "notes dir/SKILL.md" in p.stdout + p.stderr and "gate min-score 0.700: failed" in p.stderr,
              "the refusal names the skill and the threshold")
        check(git(repo, "log", "--oneline", env=env).stdout.count("\n") == 1, "nothing was committed")

        git(repo, "reset", "-q", env=env)
        shutil.rmtree(os.path.join(repo, "notes dir"))
        shutil.copytree(os.path.join(samples, "excellent-git-bisect"), os.path.join(repo, "git-bisect"))
        git(repo, "add", "-A", env=env)
        p = git(repo, "commit", "-q", "-m", "good skill", env=env)
        check(p.returncode == 0, f"a commit of a good skill passes ({p.stderr.strip()[-300:]})")

        p = subprocess.run([os.path.join(a.source, "scripts", "install-git-hook.sh"), repo],
                           capture_output=True, text=True, env=env)
        check(p.returncode == 0, "re-installing over skillscore's own hook works")
        with open(hook, "w") as f:
            f.write("#!/bin/sh\necho someone else's hook\n")
        p = subprocess.run([os.path.join(a.source, "scripts", "install-git-hook.sh"), repo],
                           capture_output=True, text=True, env=env)
        check(p.returncode == 2 and "--force" in p.stderr, "another hook is not overwritten without --force")

        hooks = open(os.path.join(a.source, ".pre-commit-hooks.yaml")).read()
        for needle in ("id: skillscore", "entry: skillscore check", "files: (^|/)SKILL\\.md$", "require_serial: true",
                       "language: system"):
            check(needle in hooks, f".pre-commit-hooks.yaml has {needle}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    print(f"hook: {len(FAILURES)} failures")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
