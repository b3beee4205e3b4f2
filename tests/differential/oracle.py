"""Both sides of the comparison: the Python reference in this process, and
skillscore once per directory of files.

The reference module's path comes from SKILLSCORE_REFERENCE; it is imported,
never copied. A file is read as the reference CLI reads it
(Path.read_text(encoding="utf-8")), and the record has the shape of
/work/shared/reference/refscore.py's, so tests/cli/common.py compares it."""
import importlib.util
import json
import os
import signal
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "cli"))
from common import differences  # noqa: E402

REFERENCE_TIMEOUT_S = 10


def load_reference(path):
    spec = importlib.util.spec_from_file_location("skill_quality_reference", path)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look the module up there
    spec.loader.exec_module(mod)
    return mod


class _Timeout(Exception):
    pass


def _alarm(signum, frame):
    raise _Timeout()


class Reference:
    def __init__(self, module_path):
        self.mod = load_reference(module_path)
        signal.signal(signal.SIGALRM, _alarm)

    def score(self, path):
        """The reference's record for one file, as refscore.py writes it."""
        try:
            text = Path(path).read_text(encoding="utf-8")
        except UnicodeDecodeError:
            return {"error": "utf8"}
        signal.alarm(REFERENCE_TIMEOUT_S)
        try:
            s = self.mod.assess_skill_quality(text)
        except _Timeout:
            return {"error": "Timeout: the reference ran over %d s" % REFERENCE_TIMEOUT_S}
        except Exception as e:  # the reference's own crash: skillscore must give SS002
            return {"error": f"{type(e).__name__}: {e}"[:300]}
        finally:
            signal.alarm(0)
        return {
            "reference": s.to_dict(),
            "deterministic_metrics": {
                "deterministic_score": s.overall_score,
                "pattern_count": s.pattern_count,
                "has_core_principle": s.has_core_principle,
                "has_strong_guidance": s.has_strong_guidance,
                "has_good_bad_contrast": s.has_good_bad_contrast,
                "code_examples_count": s.code_examples_count,
                "deterministic_issues": s.issues,
                "deterministic_strengths": s.strengths,
            },
        }


def run_skillscore(binary, directory, timeout=600):
    """skillscore's record per relative path ('<name>/SKILL.md'), for one batch."""
    proc = subprocess.run([binary, "score", ".", "--no-write", "--format", "jsonl", "-q"],
                          cwd=directory, capture_output=True, text=True, timeout=timeout)
    out = {}
    # Only '\n' ends a record: str.splitlines() would also cut at U+2028 or NEL,
    # which JSON strings may hold as they are.
    for line in proc.stdout.split("\n"):
        if line.strip():
            rec = json.loads(line)
            if "path" in rec:
                out[os.path.normpath(rec["path"])] = rec
    return out, proc


def signature(ref, got):
    """None when skillscore agrees with the reference, else a short stable key of
    how it differs (what minimization must keep)."""
    if got is None:
        return "skillscore:no-output"
    if "error" in ref:
        if ref["error"] == "utf8":
            return None if "error" in got and "UTF-8" in got["error"] else "utf8:not-an-error"
        issues = got.get("issues") or []
        if issues and issues[0].get("rule") == "SS002":
            return None
        return "reference-crash:" + ref["error"].split(":")[0]
    if "error" in got:
        return "skillscore-error:" + got["error"].split(":")[0][:40]
    diffs = differences(ref, got)
    if not diffs:
        return None
    return ",".join(sorted({f.split(".", 1)[1] for f, _, _ in diffs
                            if not f.startswith("deterministic_metrics.deterministic_score")}))


def diff_details(ref, got):
    if got is None or "error" in ref or "error" in got:
        return []
    return [(f, w, h) for f, w, h in differences(ref, got)]
