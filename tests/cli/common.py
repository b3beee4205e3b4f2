"""Helpers shared by the end-to-end tests (they run the built binary)."""
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
