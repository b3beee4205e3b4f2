#!/usr/bin/env python3
"""Differential fuzzer: generated SKILL.md files scored by the Python reference
(in this process) and by skillscore (one process per batch); every metric,
issue and strength compared; each divergence minimized and classified.

    SKILLSCORE_REFERENCE=/tmp/ref/skill_quality.py \\
    driver.py --bin build/skillscore --source . --seed 1 --count 300 [--seconds S]
              [--results DIR] [--findings DIR] [--pending tests/differential/pending.txt]

Without SKILLSCORE_REFERENCE it prints SKIPPED and exits 77. Exit 1 when a
divergence of a class not listed in --pending is found, else 0."""
import argparse
import json
import os
import random
import shutil
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from classify import classify  # noqa: E402
from generate import generate  # noqa: E402
from minimize import minimize  # noqa: E402
from mutate import load_seeds  # noqa: E402
from oracle import Reference, diff_details, run_skillscore, signature  # noqa: E402

MAX_EXAMPLES_PER_CLASS = 5
MAX_ROUNDS = 80  # skillscore runs per minimization


# A run of fewer files than this takes skillscore's small-run path (a scan-only
# presence index, rules/presence); the fuzzer's batches take the full index. A
# minimization's rounds and its final check are padded to this many files so
# that they judge on the path where the divergence was found.
MIN_BATCH = 8
PAD = b"---\nname: pad\ndescription: Padding for a batch of the fuzzer.\n---\n\n# Pad\n"


def pad_batch(blobs):
    """blobs, then padding files up to MIN_BATCH."""
    return list(blobs) + [PAD] * max(0, MIN_BATCH - len(blobs))


def write_batch(directory, blobs):
    shutil.rmtree(directory, ignore_errors=True)
    paths = []
    for i, data in enumerate(blobs):
        d = os.path.join(directory, f"{i:06d}")
        os.makedirs(d)
        p = os.path.join(d, "SKILL.md")
        with open(p, "wb") as f:
            f.write(data)
        paths.append(os.path.join(f"{i:06d}", "SKILL.md"))
    return paths


class Fuzzer:
    def __init__(self, a, reference):
        self.a = a
        self.ref = reference
        self.work = tempfile.mkdtemp(prefix="difffuzz-")
        self.tried = 0
        self.divergent = 0
        self.by_signature = {}
        self.classes = {}  # class -> {"count": n, "examples": [...]}
        self.sig_class = {}
        self.by_key = {}
        self.minimize_seconds = 0.0
        self.raw_minimized = set()
        self.start = time.monotonic()
        self.rng = random.Random(a.seed + 1)  # sampling, apart from generation
        self.seen_inputs = set()

    def score_all(self, blobs, name):
        directory = os.path.join(self.work, name)
        paths = write_batch(directory, pad_batch(blobs))[:len(blobs)]
        refs = [self.ref.score(os.path.join(directory, p)) for p in paths]
        got, proc = run_skillscore(self.a.bin, directory)
        if proc.returncode not in (0, 1, 2):  # 2: per-file errors (a file not UTF-8)
            sys.stderr.write(f"skillscore exited {proc.returncode} on {name}: {proc.stderr[-500:]}\n")
        return [(refs[i], got.get(os.path.normpath(p))) for i, p in enumerate(paths)]

    def judge(self, target):
        seen = {}  # ddmin asks again about candidates it has judged
        rounds = [0]

        def still_fails(texts):
            rounds[0] += 1
            if rounds[0] > MAX_ROUNDS:  # a long input: keep what is reduced so far
                return [seen.get(t, False) for t in texts]
            todo = sorted({t for t in texts if t not in seen})
            if todo:
                blobs = [t.encode("utf-8", "surrogateescape") for t in todo]
                for t, (r, g) in zip(todo, self.score_all(blobs, "min")):
                    seen[t] = signature(r, g) == target
            return [seen[t] for t in texts]
        return still_fails

    def record(self, data, sig, ref, got):
        self.divergent += 1
        self.by_signature[sig] = self.by_signature.get(sig, 0) + 1
        text = data.decode("utf-8", "surrogateescape")
        # Minimize the first two of each (signature, class of the raw input), then a
        # sample: a minimization costs dozens of skillscore runs.
        key = (sig, classify(text, sig, ref, got) if got else "")
        self.by_key[key] = self.by_key.get(key, 0) + 1
        over_budget = self.minimize_seconds > self.a.minimize_share * (time.monotonic() - self.start)
        if (self.by_key[key] > 2 and self.rng.random() > self.a.sample_rate) or \
                (over_budget and (self.by_signature[sig] > 1 or key[1] in self.raw_minimized)):
            cls = self.sig_class.get(key) or key[1] or "unclassified"
            self.classes.setdefault(cls, {"count": 0, "examples": []})["count"] += 1
            return
        self.raw_minimized.add(key[1])
        t0 = time.monotonic()
        small = minimize(text, self.judge(sig)) if not self.a.no_minimize else text
        self.minimize_seconds += time.monotonic() - t0
        (r, g), = self.score_all([small.encode("utf-8", "surrogateescape")], "min")
        cls = classify(small, sig, r, g)
        self.sig_class.setdefault(key, cls)
        entry = self.classes.setdefault(cls, {"count": 0, "examples": []})
        entry["count"] += 1
        if small in self.seen_inputs or len(entry["examples"]) >= MAX_EXAMPLES_PER_CLASS:
            return
        self.seen_inputs.add(small)
        ex = {"class": cls, "signature": sig, "input": small, "original": text,
              "reference": r, "skillscore": g, "differences": diff_details(r, g)}
        entry["examples"].append(ex)
        self.save(cls, len(entry["examples"]), ex)

    def save(self, cls, n, ex):
        if self.a.results:
            d = os.path.join(self.a.results, cls)
            os.makedirs(d, exist_ok=True)
            with open(os.path.join(d, f"{n:03d}.md"), "wb") as f:
                f.write(ex["input"].encode("utf-8", "surrogateescape"))
            with open(os.path.join(d, f"{n:03d}.json"), "w", encoding="utf-8") as f:
                json.dump(ex, f, ensure_ascii=True, indent=1, default=str)
        if self.a.findings and n == 1:
            write_finding(self.a.findings, ex)

    def run(self):
        rng = random.Random(self.a.seed)
        seeds = load_seeds(self.a.source)
        start = self.start = time.monotonic()
        while True:
            if self.a.count and self.tried >= self.a.count:
                break
            if self.a.seconds and time.monotonic() - start >= self.a.seconds:
                break
            n = self.a.batch if not self.a.count else min(self.a.batch, self.a.count - self.tried)
            blobs = [generate(rng, seeds) for _ in range(n)]
            results = self.score_all(blobs, "batch")
            self.tried += n
            for data, (ref, got) in zip(blobs, results):
                sig = signature(ref, got)
                if sig:
                    self.record(data, sig, ref, got)
            if self.a.progress:
                sys.stderr.write(f"\r{self.tried} files, {self.divergent} divergent, "
                                 f"{time.monotonic() - start:.0f} s")
        if self.a.progress:
            sys.stderr.write("\n")
        shutil.rmtree(self.work, ignore_errors=True)
        return time.monotonic() - start


def escaped(text):
    """A Python string literal, every character beyond printable ASCII escaped."""
    return ascii(text)


def write_finding(directory, ex):
    """directory/CLASS.md (kept if it exists: it may carry notes) and CLASS.input."""
    os.makedirs(directory, exist_ok=True)
    base = os.path.join(directory, ex["class"])
    with open(base + ".input", "wb") as f:
        f.write(ex["input"].encode("utf-8", "surrogateescape"))
    if os.path.exists(base + ".md"):
        return
    ref, got = ex["reference"], ex["skillscore"] or {}
    lines = [f"# {ex['class']}", "", f"Signature (fields that differ): `{ex['signature']}`", "",
             "Input, minimized (Python string literal):", "", "```", escaped(ex["input"]), "```", "",
             f"As a file: `{os.path.basename(base)}.input`", ""]
    if ex["differences"]:
        lines += ["| field | reference | skillscore |", "| --- | --- | --- |"]
        for f, w, h in ex["differences"]:
            if f.startswith("deterministic_metrics."):
                continue  # the same values again, under metrics.
            lines.append(f"| {f} | `{json.dumps(w, ensure_ascii=False)}` | "
                         f"`{json.dumps(h, ensure_ascii=False)}` |")
        lines.append("")
    own = [f"{x['rule']} {x['message']}" for x in got.get("issues", []) if x["rule"].startswith("SS")]
    lines += ["Reference: " + (f"crashed, `{ref['error']}`" if "error" in ref else "scored (fields above)"),
              "", "skillscore: " + (f"per-file error `{got['error']}`" if "error" in got else
                                    "scored" + (", with " + "; ".join(own) if own else "")), ""]
    with open(base + ".md", "w", encoding="utf-8") as f:
        f.write("\n".join(lines))


def read_pending(path):
    if not path or not os.path.exists(path):
        return []
    return [l.split("#")[0].strip() for l in open(path, encoding="utf-8")
            if l.split("#")[0].strip()]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", default=os.path.join(HERE, "..", ".."))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=0)
    ap.add_argument("--seconds", type=float, default=0)
    ap.add_argument("--batch", type=int, default=500)
    ap.add_argument("--results")
    ap.add_argument("--findings")
    ap.add_argument("--pending", help="classes known and awaiting a fix: reported, not failed")
    ap.add_argument("--sample-rate", type=float, default=0.01,
                    help="share of further divergences of a seen signature to minimize")
    ap.add_argument("--no-minimize", action="store_true")
    ap.add_argument("--minimize-share", type=float, default=0.25,
                    help="share of the run's time for minimizing keys already minimized once")
    ap.add_argument("--log", help="append one JSON line per run (files tried) to this file")
    ap.add_argument("--progress", action="store_true")
    a = ap.parse_args()
    a.bin = os.path.abspath(a.bin)
    module = os.environ.get("SKILLSCORE_REFERENCE")
    if not module or not os.path.exists(module):
        print("SKIPPED: set SKILLSCORE_REFERENCE to the reference's skill_quality.py")
        return 77
    if not a.count and not a.seconds:
        a.count = 300
    fz = Fuzzer(a, Reference(module))
    elapsed = fz.run()
    pending = read_pending(a.pending)
    failing = 0
    print(f"difffuzz: seed {a.seed}: {fz.tried} files in {elapsed:.0f} s, "
          f"{fz.divergent} divergent ({100.0 * (fz.tried - fz.divergent) / max(fz.tried, 1):.2f}% identical)")
    for cls, e in sorted(fz.classes.items(), key=lambda kv: -kv[1]["count"]):
        known = any(cls.startswith(p) for p in pending)
        failing += 0 if known else e["count"]
        print(f"  {e['count']:6d}  {cls}{'  (pending)' if known else ''}")
        for ex in e["examples"][:1]:
            print(f"          {escaped(ex['input'])[:160]}")
    if a.log:
        with open(a.log, "a", encoding="utf-8") as f:
            f.write(json.dumps({"seed": a.seed, "files": fz.tried, "divergent": fz.divergent,
                                "seconds": round(elapsed), "time": time.strftime("%Y-%m-%dT%H:%M:%S")}) + "\n")
    if a.results:
        os.makedirs(a.results, exist_ok=True)
        with open(os.path.join(a.results, "summary.json"), "w", encoding="utf-8") as f:
            json.dump({"seed": a.seed, "files": fz.tried, "divergent": fz.divergent,
                       "seconds": elapsed, "signatures": fz.by_signature,
                       "classes": {c: e["count"] for c, e in fz.classes.items()}}, f, indent=1)
    return 1 if failing else 0


if __name__ == "__main__":
    sys.exit(main())
