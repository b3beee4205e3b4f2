"""Helpers shared by the end-to-end tests (they run the built binary)."""
import argparse
import json
import subprocess

# Fields of the reference's to_dict() that are compared (issues and strengths
# are compared through deterministic_metrics).
def same(a, b):
    """Exact equality; 3 and 3.0 are equal, True and 1 are not."""
    if isinstance(a, bool) or isinstance(b, bool):
        return type(a) is type(b) and a == b
    if isinstance(a, (int, float)) and isinstance(b, (int, float)):
        return float(a) == float(b)
    return a == b


def differences(expected, actual):
    """Field-by-field differences between a reference record and a skillscore assessment."""
    out = []
    for k, v in expected["deterministic_metrics"].items():
        got = actual.get("deterministic_metrics", {}).get(k, "<absent>")
        if not same(v, got):
            out.append((f"deterministic_metrics.{k}", v, got))
    for k, v in expected["reference"].items():
        got = actual.get("metrics", {}).get(k, "<absent>")
        if not same(v, got):
            out.append((f"metrics.{k}", v, got))
    return out


def run(cmd, cwd=None, env=None, timeout=120):
    return subprocess.run(cmd, cwd=cwd, env=env, capture_output=True, text=True, timeout=timeout)


def load_jsonl(text):
    # Only "\n" ends a record: splitlines() would also cut at U+2028 or NEL inside a string.
    return [json.loads(line) for line in text.split("\n") if line.strip()]


# The expectations of one test script: check() prints and records each,
# finish() says how many failed and gives the exit code.
FAILURES = []


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        FAILURES.append(what)
    return cond


def finish(label):
    print(f"{label}: {len(FAILURES)} failures")
    return 1 if FAILURES else 0


def parser(*required):
    """An ArgumentParser with these options (--bin, --source...) required."""
    ap = argparse.ArgumentParser()
    for name in required:
        ap.add_argument("--" + name, required=True)
    return ap
