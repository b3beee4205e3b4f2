#!/usr/bin/env python3
"""The pre-commit hooks of .pre-commit-hooks.yaml with Debian's pre-commit:
`pre-commit try-repo` of this repository on a throwaway repository holding a
good and a bad skill (its .skillscore.yaml sets min-score 0.5). The
`skillscore-python` hook is installed by pre-commit itself, offline: pip
takes setuptools and wheel from Debian's /usr/share/python-wheels (PIP_NO_INDEX,
PIP_FIND_LINKS) and setup.py takes the extension and binary from the ctest
tree (SKILLSCORE_BUILD_DIR) instead of compiling them again. The `skillscore`
(system) hook runs the built binary from PATH. The docker hooks need docker:
skipped without it, and said so."""
import os
import shutil
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(__file__))
from common import parser, run  # noqa: E402


def main():
    ap = parser("source", "build")
    a = ap.parse_args()
    source, build = os.path.abspath(a.source), os.path.abspath(a.build)
    if not shutil.which("pre-commit") or not shutil.which("git"):
        print("pre-commit or git not installed: skipped")
        return 77
    if run(["git", "-C", source, "rev-parse", "--git-dir"]).returncode != 0:
        print(f"{source} is not a git repository (try-repo clones it): skipped")
        return 77
    hooks = {h["id"]: h for h in yaml.safe_load(open(os.path.join(source, ".pre-commit-hooks.yaml")))}
    failures = []
    for hid, lang in (("skillscore", "system"), ("skillscore-python", "python"), ("skillscore-docker", "docker"),
                      ("skillscore-docker-image", "docker_image")):
        if hooks.get(hid, {}).get("language") != lang:
            failures.append(f"hook {hid}: language {hooks.get(hid, {}).get('language')!r}, expected {lang}")
    image_tag = hooks.get("skillscore-docker-image", {}).get("entry", "").split()[0].rpartition(":")[2]
    version = run([os.path.join(build, "skillscore"), "--version"]).stdout.split()[1]
    if image_tag != version:
        failures.append(f"skillscore-docker-image runs tag {image_tag!r}, the version is {version}")

    with tempfile.TemporaryDirectory() as tmp:
        repo = os.path.join(tmp, "repo")
        for name, sample in (("good", "excellent-git-bisect"), ("bad", "poor-meeting-notes")):
            shutil.copytree(os.path.join(source, "samples", sample), os.path.join(repo, "skills", name))
        with open(os.path.join(repo, ".skillscore.yaml"), "w") as f:
            f.write("min-score: 0.5\n")
        git_env = dict(os.environ, GIT_AUTHOR_NAME="t", GIT_AUTHOR_EMAIL="t@example.invalid",
                       GIT_COMMITTER_NAME="t", GIT_COMMITTER_EMAIL="t@example.invalid")
        for cmd in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-qm", "skills"]):
            subprocess.run(cmd, cwd=repo, env=git_env, check=True, capture_output=True)
        env = dict(git_env, PRE_COMMIT_HOME=os.path.join(tmp, "cache"), PIP_NO_INDEX="1",
                   PIP_FIND_LINKS="/usr/share/python-wheels", PIP_DISABLE_PIP_VERSION_CHECK="1",
                   SKILLSCORE_BUILD_DIR=build, PATH=build + os.pathsep + os.environ["PATH"])
        env.pop("PYTHONPATH", None)
        env.pop("VIRTUAL_ENV", None)

        def try_repo(hook, skill):
            return run(["pre-commit", "try-repo", source, hook, "--files", f"skills/{skill}/SKILL.md"], cwd=repo,
                       env=env, timeout=900)

        hooks_run = ["skillscore"]
        module_dir = os.path.join(build, "python")
        if os.path.isdir(module_dir) and any(n.startswith("_skillscore") for n in os.listdir(module_dir)):
            hooks_run.append("skillscore-python")
        else:
            print("no Python module in this build tree (-DSKILLSCORE_BUILD_PYTHON=OFF): skillscore-python not run")
        for hook in hooks_run:
            good = try_repo(hook, "good")
            if good.returncode != 0 or "Passed" not in good.stdout:
                failures.append(f"{hook} on the good skill: exit {good.returncode}: {(good.stdout + good.stderr)[-1500:]}")
                continue
            bad = try_repo(hook, "bad")
            text = bad.stdout + bad.stderr
            if bad.returncode != 1 or "Failed" not in text or "below" not in text and "min-score" not in text:
                failures.append(f"{hook} on the bad skill: exit {bad.returncode}: {text[-1500:]}")
            else:
                print(f"{hook}: passes the good skill, refuses the bad one")
        if shutil.which("docker"):
            print("docker present, but the docker hooks are not run by this test (they build or pull an image)")
        else:
            print("docker not installed: the skillscore-docker and skillscore-docker-image hooks are not run")

    for f in failures:
        print("FAIL", f)
    print(f"precommit_try_repo: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
