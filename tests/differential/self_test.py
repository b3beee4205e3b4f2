#!/usr/bin/env python3
"""The fuzzer's own parts without the reference: ddmin finds a 1-minimal input,
the generator is deterministic per seed and writes valid UTF-8 mostly, the
classifier names the classes the findings use, the JSON Lines reader keeps U+2028."""
import os
import random
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from classify import classify  # noqa: E402
from generate import generate  # noqa: E402
from minimize import minimize  # noqa: E402
from mutate import load_seeds  # noqa: E402

FAILURES = []


def check(cond, what):
    print(("ok  " if cond else "FAIL") + " " + what)
    if not cond:
        FAILURES.append(what)


def main():
    calls = []

    def judge(texts):  # "diverges" when both 'ab' and the line 'x' survive, in order
        calls.append(len(texts))
        return ["ab" in t and "\nx" in t[t.index("ab"):] for t in texts]

    text = "noise\nmore ab noise\nlines\nx\ntail\n" * 3
    small = minimize(text, judge)
    check(small == "ab\nx", f"ddmin on lines then characters: {small!r}")
    check(len(calls) < 200, f"ddmin judged in {len(calls)} batches")

    source = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
    seeds = load_seeds(source)
    check(len(seeds) > 50, f"{len(seeds)} seeds from samples/ and tests/fixtures")
    a = [generate(random.Random(7), seeds) for _ in range(1)]
    r1, r2 = random.Random(7), random.Random(7)
    same = all(generate(r1, seeds) == generate(r2, seeds) for _ in range(200))
    check(same, "the generator is deterministic for a seed")
    rng = random.Random(1)
    blobs = [generate(rng, seeds) for _ in range(500)]
    utf8 = sum(1 for b in blobs if b.decode("utf-8", "replace").encode("utf-8") == b)
    check(utf8 >= 490, f"{utf8}/500 generated files are valid UTF-8")
    check(sum(b.startswith(b"---") for b in blobs) > 300, "most generated files open a frontmatter")
    check(len(a[0]) > 0, "a generated file is not empty")

    from driver import MIN_BATCH, PAD, pad_batch
    padded = pad_batch([b"one", b"two"])
    check(len(padded) == MIN_BATCH and padded[:2] == [b"one", b"two"] and set(padded[2:]) == {PAD},
          "a minimization's batch of 2 is padded to the full-index path's 8 files")
    check(pad_batch([b"x"] * 500) == [b"x"] * 500, "a batch of 500 is not padded")

    ref = {"deterministic_metrics": {"deterministic_issues": [], "deterministic_strengths": []}}
    check(classify("```\U0001e4d0\n```", "code_examples_count", ref, {}) ==
          "body-code-examples-count-unicode-version", "class of a Unicode-15 letter in a fence")
    check(classify("---description:\n:\n---", "description_quality", ref, {}) ==
          "yaml-empty-key-pyyaml-error-skillscore-ok", "class of an empty implicit key")
    check(classify("---x\n%---", "reference-crash:AttributeError", ref, {}) ==
          "reference-crash-attributeerror", "class of a reference crash")

    sys.path.insert(0, os.path.join(source, "tests", "cli"))
    from common import load_jsonl
    check(load_jsonl('{"a": "x\u2028y"}\n{"b": 1}\n') == [{"a": "x\u2028y"}, {"b": 1}],
          "JSON Lines keep a U+2028 inside a string")
    print(f"difffuzz self-test: {len(FAILURES)} failure(s)")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
