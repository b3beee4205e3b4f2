"""Mutation of real skills: the project's samples/ and test fixtures (never the
shared corpus), each edited a few times with the tokens the reference and PyYAML
treat specially."""
import json
import os

from gen_body import NEW_UNICODE, PHRASES, heading, vary
from gen_yaml import ESCAPES, TAGS, UNI_SPACES, pick

TOKENS = (["---", "...", ": ", ":", "- ", "? ", "&a ", "*a", "<<: *a", "|", ">-", "|+2", "#",
           " #", "\t", "'", '"', "[", "]", "{", "}", ",", "%YAML 1.1", "!", "!!str ", "\\",
           "```", "```python\n", "~~~", "###", "## ", "\n", "\r\n", "\r", "\ufeff", "\u0085",
           "\u2028", "\u2029", "❌", "✅", "é", "İ", "ſ", "\u212a", "\x00", "\x7f", "\x1b"]
          + ESCAPES + TAGS + UNI_SPACES + NEW_UNICODE + PHRASES)


def load_seeds(source_dir):
    """Texts of the project's own skills and YAML cases, small ones only."""
    seeds = []
    for top in ("samples", "tests/fixtures", "tests/hostile/regressions"):
        for root, _, files in os.walk(os.path.join(source_dir, top)):
            for f in sorted(files):
                if not f.endswith((".md", ".yaml")):
                    continue
                p = os.path.join(root, f)
                if os.path.getsize(p) > 64 * 1024:
                    continue
                data = open(p, "rb").read()
                try:
                    text = data.decode("utf-8")
                except UnicodeDecodeError:
                    continue
                if f.endswith(".yaml"):
                    text = "---\n" + text.replace("---", "- --") + "\n---\n# Body\n"
                seeds.append(text)
    cases = os.path.join(source_dir, "tests/fixtures/yaml_cases.json")
    if os.path.exists(cases):
        for c in json.load(open(cases, encoding="utf-8")):
            if "---" not in c:
                seeds.append("---\n" + c + "\n---\n## Overview\nbody\n")
    seeds.sort()
    return seeds


def mutate_once(rng, text, seeds):
    lines = text.split("\n")
    op = rng.randrange(14)
    i = rng.randrange(len(lines))
    if op == 0 and len(lines) > 1:
        del lines[i]
    elif op == 1:
        lines.insert(i, lines[rng.randrange(len(lines))])
    elif op == 2:
        j = rng.randrange(len(lines))
        lines[i], lines[j] = lines[j], lines[i]
    elif op in (3, 4, 5):
        pos = rng.randrange(len(text) + 1)
        return text[:pos] + pick(rng, TOKENS) + text[pos:]
    elif op == 6 and text:
        pos = rng.randrange(len(text))
        return text[:pos] + pick(rng, TOKENS) + text[pos + 1:]
    elif op == 7:
        lines[i] = pick(rng, [" ", "  ", "\t", " \t"]) + lines[i]
    elif op == 8:
        lines[i] = lines[i].lstrip(" ")
    elif op == 9:
        other = pick(rng, seeds).split("\n")
        k = rng.randrange(len(other))
        lines[i:i] = other[k:k + rng.randrange(1, 6)]
    elif op == 10:
        lines[i] = vary(rng, lines[i])
    elif op == 11:
        lines.insert(i, heading(rng))
    elif op == 12:
        # Every line gets the same ending: CRLF, a Unicode space, or a break YAML knows.
        end = pick(rng, ["\r", " ", "\t"] + UNI_SPACES)
        return "\n".join(l + end for l in lines)
    else:
        pos = rng.randrange(len(text) + 1)
        return text[:pos] + "---" + text[pos:]
    return "\n".join(lines)


def mutate(rng, seeds):
    text = pick(rng, seeds)
    for _ in range(pick(rng, [1, 1, 2, 3, 5, 8])):
        text = mutate_once(rng, text, seeds)
    return text
