#!/usr/bin/env python3
"""The plain git pre-commit hook (scripts/install-git-hook.sh) in a throwaway
repository: a skill below the threshold is refused with a clear message, a
good one is committed; the STAGED content is scored, not the working tree (in
both directions); a skill.md is checked like a SKILL.md; the directory's name
and its staged sibling files are what the rules see. Then the pre-commit
framework (Debian's pre-commit, when installed) runs .pre-commit-hooks.yaml's
hook from this source tree on the same cases."""
import argparse
import os
import shutil
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import check, finish  # noqa: E402


def git(repo, *args, env):
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True)


def precommit_checks(a, repo, env, bin_, write, poor_text, good_text):
    """pre-commit try-repo runs the source tree's hook definition on the staged files."""
    hook_repo = os.path.join(os.path.dirname(repo), "hook-src")
    os.makedirs(hook_repo)
    shutil.copy(os.path.join(a.source, ".pre-commit-hooks.yaml"), hook_repo)
    git(hook_repo, "init", "-q", env=env)
    git(hook_repo, "add", "-A", env=env)
    git(hook_repo, "commit", "-q", "-m", "hooks", env=env)
    penv = dict(env, PATH=os.path.dirname(bin_) + os.pathsep + env.get("PATH", ""), PRE_COMMIT_HOME=os.path.join(
        os.path.dirname(repo), "pre-commit-home"))
    with open(os.path.join(repo, ".skillscore.yaml"), "w") as f:
        f.write("min-score: 0.7\n")
    git(repo, "commit", "-q", "--no-verify", "-am", "min-score", env=env)

    def try_repo():
        return subprocess.run(["pre-commit", "try-repo", hook_repo, "skillscore"], cwd=repo, env=penv,
                              capture_output=True, text=True, timeout=300)

    write("fw/skill.md", poor_text)
    git(repo, "add", "fw/skill.md", env=env)
    write("fw/skill.md", good_text)
    p = try_repo()
    check(p.returncode != 0 and "fw/skill.md" in p.stdout,
          f"pre-commit: a poor staged skill.md fails although the working copy is excellent ({p.stdout.strip()[-300:]})")
    with open(os.path.join(repo, "fw", "skill.md"), "rb") as fh:
        check(fh.read() == good_text, "pre-commit: the unstaged working copy is restored")
    git(repo, "add", "fw/skill.md", env=env)
    write("fw/skill.md", poor_text)
    p = try_repo()
    check(p.returncode == 0, f"pre-commit: an excellent staged skill.md passes ({p.stdout.strip()[-300:]})")
    git(repo, "checkout", "--", "fw/skill.md", env=env)


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

        poor_text = open(os.path.join(samples, "poor-meeting-notes", "SKILL.md"), "rb").read()
        good_text = open(os.path.join(samples, "excellent-git-bisect", "SKILL.md"), "rb").read()

        def write(rel, data):
            path = os.path.join(repo, rel)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            with open(path, "wb") as fh:
                fh.write(data if isinstance(data, bytes) else data.encode())

        # Staged POOR, working tree EXCELLENT: refused (the staged blob is what would be committed).
        write("flip/SKILL.md", poor_text)
        git(repo, "add", "flip/SKILL.md", env=env)
        write("flip/SKILL.md", good_text)
        p = git(repo, "commit", "-q", "-m", "staged poor", env=env)
        check(p.returncode != 0 and "flip/SKILL.md" in p.stderr,
              f"a poor staged skill is refused although the working copy is excellent ({p.stderr.strip()[-200:]})")
        # Staged EXCELLENT, working tree POOR: committed.
        git(repo, "add", "flip/SKILL.md", env=env)
        write("flip/SKILL.md", poor_text)
        p = git(repo, "commit", "-q", "-m", "staged good", env=env)
        check(p.returncode == 0, f"an excellent staged skill passes although the working copy is poor ({p.stderr.strip()[-200:]})")
        committed = git(repo, "show", "HEAD:flip/SKILL.md", env=env).stdout.encode()
        check(committed == good_text, "what was committed is the staged (excellent) content")
        git(repo, "checkout", "--", "flip/SKILL.md", env=env)

        # skill.md: the other name skillscore scores.
        write("lower/skill.md", poor_text)
        git(repo, "add", "lower/skill.md", env=env)
        p = git(repo, "commit", "-q", "-m", "lowercase", env=env)
        check(p.returncode != 0 and "lower/skill.md" in p.stderr, f"a poor skill.md is refused ({p.stderr.strip()[-200:]})")
        git(repo, "reset", "-q", env=env)
        shutil.rmtree(os.path.join(repo, "lower"))

        # The directory's name and its staged files: agentskills checks that the
        # name equals the directory and that referenced files exist.
        with open(os.path.join(repo, ".skillscore.yaml"), "w") as f:
            f.write("profile: agentskills\nfail-on: error\n")
        git(repo, "commit", "-q", "--no-verify", "-am", "agentskills", env=env)
        spec = ("---\nname: pdf-tools\ndescription: Use when filling PDF forms.\n---\n# PDF tools\n\n"
                "See [the guide](references/guide.md).\n")
        write("pdf-tools/SKILL.md", spec)
        write("pdf-tools/references/guide.md", "# Guide\n")
        git(repo, "add", "pdf-tools/SKILL.md", env=env)  # the guide exists only in the working tree
        p = git(repo, "commit", "-q", "-m", "unstaged reference", env=env)
        check(p.returncode != 0 and "AS050" in p.stderr,
              f"a reference to a file that is not staged is a missing file ({p.stderr.strip()[-200:]})")
        git(repo, "add", "pdf-tools", env=env)
        p = git(repo, "commit", "-q", "-m", "staged reference", env=env)
        check(p.returncode == 0, f"the staged sibling file and the directory's name are seen ({p.stderr.strip()[-300:]})")

        # The pre-commit framework, with this source tree's .pre-commit-hooks.yaml.
        if shutil.which("pre-commit"):
            precommit_checks(a, repo, env, bin_, write, poor_text, good_text)
        else:
            print("note: the pre-commit framework is not installed: its part is not run")

        p = subprocess.run([os.path.join(a.source, "scripts", "install-git-hook.sh"), repo],
                           capture_output=True, text=True, env=env)
        check(p.returncode == 0, "re-installing over skillscore's own hook works")
        with open(hook, "w") as f:
            f.write("#!/bin/sh\necho someone else's hook\n")
        p = subprocess.run([os.path.join(a.source, "scripts", "install-git-hook.sh"), repo],
                           capture_output=True, text=True, env=env)
        check(p.returncode == 2 and "--force" in p.stderr, "another hook is not overwritten without --force")

        hooks = open(os.path.join(a.source, ".pre-commit-hooks.yaml")).read()
        for needle in ("id: skillscore", "entry: skillscore check", "files: (^|/)(SKILL|skill)\\.md$",
                       "require_serial: true", "language: system"):
            check(needle in hooks, f".pre-commit-hooks.yaml has {needle}")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish("hook")


if __name__ == "__main__":
    sys.exit(main())
