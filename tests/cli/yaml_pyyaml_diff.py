#!/usr/bin/env python3
"""The frontmatter reader against PyYAML's safe_load, in bulk: every case of
tests/fixtures/yaml_cases.json, the frontmatter of every SKILL.md under
--corpus (when given), and --generate N texts made by a fixed-seed generator
(YAML 1.1 pieces: scalars of every type and quoting, escapes, block scalars,
flow collections, anchors, aliases, merges, tags, odd indentation, Unicode
breaks). Compares the full loader (--full) or the default path. Prints each
divergence (minimized line-wise) and a summary; exits 1 on any. Exits 77
without PyYAML.

    yaml_pyyaml_diff.py --probe build/tests/yaml_probe [--full] [--corpus DIR] [--generate N] [--seed S]
"""
import argparse
import json
import os
import random
import subprocess
import sys

sys.path.insert(0, os.path.dirname(__file__))
from pyyaml_oracle import pyyaml, same  # noqa: E402


def run_probe(probe, texts, full):
    args = [probe, "--batch"] + (["--full"] if full else [])
    out = subprocess.run(args, input=json.dumps(texts).encode(), capture_output=True, check=True).stdout.decode()
    return out.split("\n")[: len(texts)]


SCALARS = ["a", "b c", "yes", "No", "on", "OFF", "~", "null", "", "0", "-0", "012", "0o17", "0x1F", "0b101", "1_000",
           "190:20:30", "1.5", "1.", ".5", "-.inf", ".NaN", "1e3", "1.0e+3", "2024-01-01", "2024-1-1 10:00:00",
           "2024-01-01T10:00:00.5Z", "2001-12-14 21:59:43.10 -5", "'q'", "'it''s'", '"d"', '"\\x41\\u00e9"',
           '"\\ud83c\\udfaf"', '"\\N\\_\\L\\P"', '"\\\'"', '"a\\\n  b"', "=", "<<", "x: y", "a#b", "a #c", "@x", "`x`",
           "%x", "!x", "! 12", "!!str 12", "!!int 12", "!!float 1", "!!bool yes", "!!null x", "!!binary aGk=",
           "!!binary aGk", "!!int 0o17", "!!int 09", "!!float inf", "!!int ''", "!!timestamp 2024-01-01",
           "&a x", "*a", "&a", "&a:b x", "[]", "{}", "[a, b]", "{a: 1}", "{a:[]}", "[a, , b]", "[a,]", "{a: 1,}",
           "[? a]", "{? a}", "{a}", "[a: 1]", "!!set {a, b}", "!!omap [{a: 1}, {b: 2}]", "!!pairs [{a: 1}]",
           "|\n  lit\n", ">\n  fold\n  ed\n", "|-\n  x\n", "|+\n  x\n\n", "|2\n   x\n", "|#c\n  x\n", "\u2028x",
           "a\u0085b", "\ufeffx", "x\u3000", "-", "- a", "? a", ": a", "a:", "[", "]", "{", "}", ",", "'", '"',
           "\t", "a\tb", "!<tag:yaml.org,2002:str> x", "!!python/tuple [1]", "!foo x", "[a]]", "{a: b}}"]
KEYS = ["name", "description", "metadata", "version", "<<", "? k", "'q'", "1", "yes", "~", "[a]", "{a: 1}", "&k key",
        "*k", "!!str 1", "!!merge <<", "a b", "-x", "=", ""]


def first_line(s):
    return s.split("\n")[0]


def gen_value(rnd, depth):
    r = rnd.random()
    if depth > 2 or r < 0.55:
        return rnd.choice(SCALARS)
    if r < 0.7:
        return "[" + ", ".join(first_line(gen_value(rnd, depth + 1)) for _ in range(rnd.randint(0, 3))) + "]"
    if r < 0.8:
        return "{" + ", ".join(f"{rnd.choice(KEYS)}: {first_line(gen_value(rnd, depth + 1))}"
                               for _ in range(rnd.randint(0, 3))) + "}"
    ind = "  " * (depth + 1)
    if r < 0.9:
        return "\n" + "".join(f"{ind}- {gen_value(rnd, depth + 1)}\n" for _ in range(rnd.randint(1, 3))).rstrip("\n")
    return "\n" + "".join(f"{ind}{rnd.choice(KEYS)}: {gen_value(rnd, depth + 1)}\n"
                          for _ in range(rnd.randint(1, 3))).rstrip("\n")


def generate(rnd):
    lines = []
    anchors = rnd.random() < 0.3
    for _ in range(rnd.randint(1, 5)):
        key = rnd.choice(KEYS)
        value = gen_value(rnd, 0)
        if anchors and rnd.random() < 0.3:
            value = rnd.choice(["&a ", "&b ", "*a", "*b ", "&a [*a]", "&m {x: *m}", "{<<: *a}"]) + (
                value if rnd.random() < 0.5 else "")
        sep = rnd.choice([": ", ": ", ": ", ":", ":\t", " : "])
        lines.append(f"{key}{sep}{value}")
    text = "\n".join(lines) + rnd.choice(["\n", "", "\n\n", "\r\n", "\n# c\n", "\n...\n", "\n---\n"])
    if rnd.random() < 0.1:
        text = rnd.choice(["\ufeff", " ", "\n", "%YAML 1.1\n---\n", "--- ", "- "]) + text
    if rnd.random() < 0.1:
        i = rnd.randrange(len(text) + 1)
        text = text[:i] + rnd.choice(["\t", " ", "\n", ":", "-", "#", "'", '"', "\u0085", "\u2028", "\u00a0", "&", "*",
                                      "!", "[", "]", "{", "}", ",", "?", "|", ">", "\\"]) + text[i:]
    return text


PIECES = ["\t", " ", "  ", "\n", "\n  ", ":", ": ", "-", "- ", "#", " #", "'", '"', "\u0085", "\u2028", "\u2029",
          "\u00a0", "\ufeff", "&a ", "*a", "&", "*", "!", "! ", "!!str ", "!!int ", "!!binary ", "[", "]", "{", "}",
          ",", ", ", "?", "? ", "|", ">", "|-", "\\", "\\u", "\\ud83c", "\\N", "---", "...", "%", "@", "`", "=",
          "<<: ", "\r", "\r\n", "0x", "1:2", "yes", "~", "\x85"]


def mutate(rnd, text):
    for _ in range(rnd.randint(1, 4)):
        i = rnd.randrange(len(text) + 1)
        r = rnd.random()
        if r < 0.6:
            text = text[:i] + rnd.choice(PIECES) + text[i:]
        elif r < 0.8:
            text = text[:i] + text[i + rnd.randint(1, 3):]
        else:
            lines = text.split("\n")
            j = rnd.randrange(len(lines))
            lines.insert(j, rnd.choice(lines))
            text = "\n".join(lines)
    return text


def minimize(text, bad):
    lines = text.split("\n")
    changed = True
    while changed and len(lines) > 1:
        changed = False
        for i in range(len(lines)):
            cand = lines[:i] + lines[i + 1:]
            if bad("\n".join(cand)):
                lines = cand
                changed = True
                break
    return "\n".join(lines)


def corpus_frontmatters(root):
    for d, _, files in os.walk(root):
        for f in files:
            if f.lower() != "skill.md":
                continue
            try:
                t = open(os.path.join(d, f), encoding="utf-8").read()
            except (UnicodeDecodeError, OSError):
                continue
            if t.startswith("---"):
                parts = t.split("---", 2)
                if len(parts) >= 3:
                    yield parts[1]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--probe", required=True)
    ap.add_argument("--full", action="store_true")
    ap.add_argument("--cases")
    ap.add_argument("--corpus")
    ap.add_argument("--generate", type=int, default=0)
    ap.add_argument("--mutate", type=int, default=0, help="mutated copies of the corpus frontmatter (with --corpus)")
    ap.add_argument("--seed", type=int, default=18)
    ap.add_argument("--show", type=int, default=30)
    a = ap.parse_args()
    texts = []
    if a.cases:
        texts += json.load(open(a.cases, encoding="utf-8"))
    rnd = random.Random(a.seed)
    if a.corpus:
        base = list(corpus_frontmatters(a.corpus))
        texts += base
        texts += [mutate(rnd, rnd.choice(base)) for _ in range(a.mutate)]
    texts += [generate(rnd) for _ in range(a.generate)]
    got = run_probe(a.probe, texts, a.full)
    bad = 0
    for text, out in zip(texts, got):
        want = pyyaml(text)
        if same(text, out, want):
            continue
        bad += 1
        if bad <= a.show:
            small = minimize(text, lambda t: not same(t, run_probe(a.probe, [t], a.full)[0], pyyaml(t)))
            print(f"DIFF {small!r}\n  PyYAML:     {pyyaml(small)}\n  skillscore: {run_probe(a.probe, [small], a.full)[0]}")
    print(f"yaml: {len(texts) - bad}/{len(texts)} texts read as PyYAML reads them")
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
