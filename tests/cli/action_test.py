#!/usr/bin/env python3
"""The GitHub Action's steps, run locally: action.yml is read, its composite
steps are run in order with bash as the runner would (`${{ inputs.* }}`,
`${{ github.* }}` and `${{ steps.*.outputs.* }}` substituted; GITHUB_OUTPUT,
GITHUB_PATH, GITHUB_STEP_SUMMARY and RUNNER_TEMP faked), against a fake
release (file:// URL) holding the tarball scripts/package.sh makes. Checked:
install from a release (and a tampered checksum refused), a passing and a
failing run, the outputs (SARIF path, mean score, exit code) and the step
summary. `version: source` (a full build) is not run here."""
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile

import yaml

sys.path.insert(0, os.path.dirname(__file__))
from common import load_jsonl, parser, run  # noqa: E402

EXPR = re.compile(r"\$\{\{\s*([^}]*?)\s*\}\}")


def run_action(action, action_path, inputs, github, workspace, runner_temp):
    """Runs the composite steps; returns (outputs, exit code of the first failing step or 0, logs)."""
    given = {k: inputs.get(k, spec.get("default", "")) for k, spec in action["inputs"].items()}
    unknown = set(inputs) - set(given)
    assert not unknown, f"inputs the action does not declare: {unknown}"
    steps_out = {}
    summary = os.path.join(runner_temp, "step_summary.md")
    path_file = os.path.join(runner_temp, "github_path")
    logs = []

    def value(expr):
        kind, _, rest = expr.partition(".")
        if kind == "inputs":
            return given[rest]
        if kind == "github":
            return {"action_path": action_path, **github}[rest]
        if kind == "steps":
            step, _, out = rest.partition(".outputs.")
            return steps_out.get(step, {}).get(out, "")
        raise AssertionError(f"expression the test runner does not know: {expr}")

    def subst(text):
        return EXPR.sub(lambda m: value(m.group(1)), str(text))

    for i, step in enumerate(action["runs"]["steps"]):
        assert step["shell"] == "bash", step
        out_file = os.path.join(runner_temp, f"output_{i}")
        open(out_file, "w").close()
        env = {"PATH": os.environ["PATH"], "HOME": runner_temp, "RUNNER_TEMP": runner_temp,
               "GITHUB_OUTPUT": out_file, "GITHUB_PATH": path_file, "GITHUB_STEP_SUMMARY": summary,
               "GITHUB_WORKSPACE": workspace, "GITHUB_SERVER_URL": "https://github.invalid", "CI": "true",
               "SKILLSCORE_RELEASE_URL": github["release_url"]}
        env.update({k: subst(v) for k, v in step.get("env", {}).items()})
        script = os.path.join(runner_temp, f"step_{i}.sh")
        with open(script, "w") as f:
            f.write(subst(step["run"]))
        proc = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script], cwd=workspace, env=env,
                              capture_output=True, text=True, timeout=300)
        logs.append(proc.stdout + proc.stderr)
        outputs = {}
        for line in open(out_file):
            k, _, v = line.rstrip("\n").partition("=")
            outputs[k] = v
        steps_out[step["id"]] = outputs
        if proc.returncode != 0:
            return steps_out, proc.returncode, logs
    final = {k: EXPR.sub(lambda m: value(m.group(1)), spec["value"]) for k, spec in action["outputs"].items()}
    steps_out["_action"] = final
    return steps_out, 0, logs


def main():
    ap = parser("source", "build")
    a = ap.parse_args()
    source, build = os.path.abspath(a.source), os.path.abspath(a.build)
    action = yaml.safe_load(open(os.path.join(source, "action.yml"), encoding="utf-8"))
    failures = []
    version = run([os.path.join(build, "skillscore"), "--version"]).stdout.split()[1]
    with tempfile.TemporaryDirectory() as tmp:
        release = os.path.join(tmp, "releases", f"v{version}")
        proc = run([os.path.join(source, "scripts/package.sh")], env=dict(os.environ, BUILD_DIR=build, DIST=release),
                   timeout=600)
        if proc.returncode != 0:
            print(proc.stderr[-2000:])
            print("FAIL scripts/package.sh")
            return 1
        workspace = os.path.join(tmp, "ws")
        for name, sample in (("good", "excellent-git-bisect"), ("bad", "poor-meeting-notes")):
            shutil.copytree(os.path.join(source, "samples", sample), os.path.join(workspace, "skills", name))
        github = {"action_ref": f"v{version}", "action_repository": "skillscore/skillscore",
                  "release_url": "file://" + os.path.join(tmp, "releases")}

        def case(label, inputs, want_code, gh=None):
            runner_temp = tempfile.mkdtemp(dir=tmp, prefix="runner-")
            steps, code, logs = run_action(action, source, inputs, gh or github, workspace, runner_temp)
            if code != want_code:
                failures.append(f"{label}: exit {code}, expected {want_code}: {logs[-1][-600:]}")
            return steps, logs, runner_temp

        # Passing: the good skill, a threshold, the outputs and the summary.
        steps, logs, rt = case("pass", {"paths": "skills/good", "min-score": "0.5", "sarif-file": "out/s.sarif"}, 0)
        if steps.get("_action"):
            out = steps["_action"]
            sarif = os.path.join(workspace, out["sarif"])
            if out["sarif"] != "out/s.sarif" or not os.path.isfile(sarif) or json.load(open(sarif))["version"] != "2.1.0":
                failures.append(f"pass: SARIF output {out['sarif']!r} missing or not SARIF 2.1.0")
            jl = load_jsonl(run([os.path.join(build, "skillscore"), "score", "skills/good", "--no-write",
                                 "--format", "jsonl"], cwd=workspace).stdout)
            mean = sum(r["score"] for r in jl) / len(jl)
            if float(out["mean-score"]) != mean or out["exit-code"] != "0":
                failures.append(f"pass: mean-score {out['mean-score']!r} (expected {mean!r}), exit-code {out['exit-code']!r}")
            summary = open(os.path.join(rt, "step_summary.md")).read()
            if "## skillscore" not in summary or "**1 skills**" not in summary.replace("**1 skill**", "**1 skills**"):
                failures.append(f"pass: step summary {summary[:200]!r}")
            if open(os.path.join(rt, "github_path")).read().strip() != os.path.join(rt, f"skillscore-{version}-linux-x86_64", "bin"):
                failures.append("pass: the bin directory was not added to GITHUB_PATH")
            if f"skillscore {version}" not in logs[0]:
                failures.append(f"pass: install did not print the version: {logs[0][-300:]}")

        # Failing: the bad skill under the threshold; annotations, outputs still written.
        steps, logs, rt = case("fail", {"paths": "skills/good\nskills/bad\n", "min-score": "0.5",
                                        "profile": "skill-fleet-v2"}, 1)
        if steps.get("check", {}).get("exit-code") != "1" or "::warning file=skills/bad/SKILL.md" not in logs[-1]:
            failures.append(f"fail: outputs {steps.get('check')} / annotations missing")
        if "## skillscore" not in open(os.path.join(rt, "step_summary.md")).read():
            failures.append("fail: no step summary on a failing run")

        # args pass through: the bad skill excluded, the run passes.
        case("args", {"paths": "skills", "min-score": "0.5", "args": "--exclude bad -j 1"}, 0)

        # A release whose checksum does not match is refused.
        sums = os.path.join(release, "SHA256SUMS")
        good_sums = open(sums).read()
        with open(sums, "w") as f:
            f.write(re.sub(r"^[0-9a-f]{64}", "0" * 64, good_sums, flags=re.M))
        steps, logs, rt = case("tampered", {"paths": "skills/good"}, 2)
        if "does not match its SHA256SUMS" not in logs[0]:
            failures.append(f"tampered: {logs[0][-300:]}")
        with open(sums, "w") as f:
            f.write(good_sums)

        # Not pinned to a release and no version: a clear error.
        steps, logs, rt = case("unpinned", {"paths": "skills/good"}, 2, dict(github, action_ref="main"))
        if "set the 'version' input" not in logs[0]:
            failures.append(f"unpinned: {logs[0][-300:]}")
        # An explicit version wins over the ref.
        case("explicit version", {"paths": "skills/good", "version": version}, 0, dict(github, action_ref="main"))

    for f in failures:
        print("FAIL", f)
    print(f"action: {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
