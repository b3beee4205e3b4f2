#!/usr/bin/env python3
"""Reports agree with the exit code: for every gate (min-score, min-mean, fail-on,
regression), passing and failing, with --exit-zero and with a file that cannot be
read, every format (text, junit, sarif, markdown, github, html, --summary JSON)
states each gate's outcome and the verdict, and both equal what the exit code
says. The expected outcome of each gate is computed here from the scores and
issues of a plain jsonl run, not taken from skillscore's own reports."""
import json
import math
import os
import re
import shutil
import sys
import tempfile
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(__file__))
from common import check, finish, load_jsonl, parser, run  # noqa: E402

GATES = ("min-score", "min-mean", "fail-on", "regression")
RANK = {"error": 0, "warning": 1, "info": 2}
FORMATS = ("text", "junit", "sarif", "markdown", "github", "html")


def expected(scored, flags, baseline):
    """{gate: failed or None (not set)}, from the jsonl results and the flags."""
    out = dict.fromkeys(GATES)
    opts = dict(zip(flags[::2], flags[1::2])) if flags else {}
    if "--min-score" in opts:
        out["min-score"] = any(a["score"] < float(opts["--min-score"]) for a in scored)
    if "--min-mean" in opts:
        out["min-mean"] = sum(a["score"] for a in scored) / len(scored) < float(opts["--min-mean"])
    sev = opts.get("--fail-on", "error")
    if sev != "none":
        out["fail-on"] = any(RANK[i["severity"]] <= RANK[sev] for a in scored for i in a["issues"])
    if "--fail-on-regression" in flags and baseline:
        tol = float(opts.get("--tolerance", 0))
        out["regression"] = any(a["path"] in baseline and a["score"] < baseline[a["path"]] - tol for a in scored)
    return out


def from_text(out):
    gates = {}
    for g in GATES:
        m = re.search(rf"^gate {g}( [^:\n]*)?: (failed|passed|[^\n]*)", out, re.M)
        gates[g] = None if not m else {"failed": True, "passed": False}.get(m.group(2))
    m = re.search(r"^verdict: .*\(exit (\d)\)$", out, re.M)
    return gates, int(m.group(1)) if m else None


def from_junit(out):
    root = ET.fromstring(out)
    suite = [s for s in root.iter("testsuite") if s.get("name") == "skillscore.gates"][0]
    gates = {}
    for case in suite.iter("testcase"):
        if case.get("name") in GATES:
            gates[case.get("name")] = None if case.find("skipped") is not None else case.find("failure") is not None
    props = {p.get("name"): p.get("value") for p in root.iter("property")}
    failures = int(root.get("failures"))
    return gates, int(props["exit-code"]), failures


def from_sarif(out):
    run_ = json.loads(out)["runs"][0]
    gates = {g["gate"]: (g["failed"] if g["enabled"] else None) for g in run_["properties"]["gates"]}
    return gates, run_["invocations"][0]["exitCode"]


def from_markdown(out):
    gates = {}
    for g, opt in zip(GATES, ("--min-score", "--min-mean", "--fail-on", "--fail-on-regression")):
        m = re.search(rf"^\| `{opt}` \| [^|]* \| (\*\*failed\*\*|passed|not enforced)", out, re.M)
        gates[g] = None if not m or m.group(1) == "not enforced" else m.group(1) == "**failed**"
    m = re.search(r"^\*\*Verdict: [^*]*\*\* \(exit (\d)\)\.$", out, re.M)
    return gates, int(m.group(1)) if m else None


def from_github(out):
    failed = set(re.findall(r"^::error title=skillscore gate ([a-z-]+)::", out, re.M))
    m = re.search(r"^::(?:notice|error) title=skillscore verdict::[^\n]*\(exit (\d)\)", out, re.M)
    stated = re.search(r"^::(?:notice|error) title=skillscore verdict::(.*)$", out, re.M)
    text = stated.group(1).replace("%0A", "\n") if stated else ""
    gates = {}
    for g in GATES:
        line = re.search(rf"^{g}( [^:\n]*)?: (failed|passed)?", text, re.M)
        gates[g] = None if not line or not line.group(2) else g in failed
    return gates, int(m.group(1)) if m else None


def from_html(out):
    gates = {g: (None if e == "0" else f == "1")
             for g, e, f in re.findall(r'<li data-gate="([a-z-]+)" data-enabled="(\d)" data-failed="(\d)"', out)}
    m = re.search(r'id="verdict"[^>]* data-exit="(\d)"', out)
    return gates, int(m.group(1)) if m else None


def main():
    ap = parser("bin", "source")
    a = ap.parse_args()
    bin_ = os.path.abspath(a.bin)
    samples = os.path.join(a.source, "samples")
    tmp = tempfile.mkdtemp(prefix="skillscore-verdict-")
    try:
        tree = os.path.join(tmp, "skills")
        for n in ("poor-meeting-notes", "fair-regex-debugging", "excellent-git-bisect", "trap-impossible-date"):
            shutil.copytree(os.path.join(samples, n), os.path.join(tree, n))
        p = run([bin_, "score", ".", "--no-config", "--no-write", "--format", "jsonl"], cwd=tree)
        scored = load_jsonl(p.stdout)
        check(len(scored) == 4 and p.returncode == 0, f"the plain run scores the 4 skills (exit {p.returncode})")
        mean = sum(x["score"] for x in scored) / len(scored)
        low = min(x["score"] for x in scored)
        has_error = any(i["severity"] == "error" for x in scored for i in x["issues"])
        check(has_error, "one of the skills has an error-severity issue (the fail-on error case fails)")
        higher = os.path.join(tmp, "higher.jsonl")  # a baseline with every score higher: all regress
        same = os.path.join(tmp, "same.jsonl")
        with open(higher, "w") as fh, open(same, "w") as gh:
            for x in scored:
                fh.write(json.dumps({"path": x["path"], "score": min(1.0, x["score"] + 0.1)}) + "\n")
                gh.write(json.dumps({"path": x["path"], "score": x["score"]}) + "\n")
        scenarios = [
            ("no gate", ["--fail-on", "none"], None, False),
            ("min-score fails", ["--fail-on", "none", "--min-score", f"{low + 0.01:.4f}"], None, False),
            ("min-score passes", ["--fail-on", "none", "--min-score", f"{math.floor(low * 1e4) / 1e4:.4f}"], None, False),
            ("min-mean fails", ["--fail-on", "none", "--min-mean", f"{mean + 0.01:.4f}"], None, False),
            ("min-mean passes", ["--fail-on", "none", "--min-mean", f"{math.floor(mean * 1e4) / 1e4 - 0.01:.4f}"], None, False),
            ("fail-on error (default of check)", [], None, False),
            ("fail-on info", ["--fail-on", "info"], None, False),
            ("regression fails", ["--fail-on", "none", "--baseline", higher, "--fail-on-regression"], higher, False),
            ("regression passes", ["--fail-on", "none", "--baseline", same, "--fail-on-regression"], same, False),
            ("baseline without the regression gate", ["--fail-on", "none", "--baseline", higher], higher, False),
            ("everything at once", ["--min-score", "0.5", "--min-mean", "0.9", "--fail-on", "warning", "--baseline",
                                    higher, "--fail-on-regression"], higher, False),
            ("--exit-zero", ["--fail-on", "none", "--min-score", "0.9", "--exit-zero"], None, False),
            ("a file that cannot be read", ["--fail-on", "none", "--min-score", "0.9"], None, True),
        ]
        for label, flags, base, broken in scenarios:
            target = tree
            if broken:
                target = os.path.join(tmp, "broken")
                if not os.path.exists(target):
                    shutil.copytree(tree, target)
                    shutil.copytree(os.path.join(samples, "trap-invalid-utf8"), os.path.join(target, "trap-invalid-utf8"))
            baseline = {}
            if base:
                baseline = {x["path"]: x["score"] for x in load_jsonl(open(base).read())}
            want = expected(scored, [f for f in flags if f != "--exit-zero"], baseline)
            failed = any(want.values())
            want_exit = 2 if broken else 1 if failed and "--exit-zero" not in flags else 0
            summary_path = os.path.join(tmp, "summary.json")
            for fmt in FORMATS:
                p = run([bin_, "check", ".", "--no-config", "--format", fmt, "--summary", summary_path, *flags], cwd=target)
                where = f"{label} [{fmt}]"
                check(p.returncode == want_exit, f"{where}: exit {p.returncode} == expected {want_exit}")
                try:
                    parsed = {"text": from_text, "junit": from_junit, "sarif": from_sarif, "markdown": from_markdown,
                              "github": from_github, "html": from_html}[fmt](p.stdout)
                except Exception as e:  # noqa: BLE001 - a report that cannot be read is a failure
                    check(False, f"{where}: the report states gates and verdict ({type(e).__name__}: {e})")
                    continue
                gates, code = parsed[0], parsed[1]
                check(gates == want, f"{where}: every gate as expected ({gates} == {want})")
                check(code == p.returncode, f"{where}: the stated exit code {code} == the exit code {p.returncode}")
                if fmt == "junit":
                    check((parsed[2] > 0) == failed, f"{where}: failures={parsed[2]} > 0 exactly when a gate failed")
            with open(summary_path) as fh:
                s = json.load(fh)
            sgates = {g["gate"]: (g["failed"] if g["enabled"] else None) for g in s["gates"]}
            check(sgates == want and s["verdict"]["exit_code"] == want_exit,
                  f"{label} [summary]: gates {sgates} and verdict exit {s['verdict']['exit_code']} as expected")
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish("verdicts")


if __name__ == "__main__":
    sys.exit(main())
