#!/usr/bin/env python3
"""skillscore's BPE token counts against the reference implementation.

The reference is js-tiktoken (the npm package whose ranks data/tokenizer/ holds)
run under node. Texts: every SKILL.md of samples/ and tests/fixtures/, and
generated ones that mix what the pre-tokenizers treat differently (cases,
contractions, digits, punctuation and slashes, every kind of space and line
end, CJK, combining marks, modifier letters, emoji with ZWJ). Both encodings,
every text, exact counts.

Skips (exit 77) when node or the package is missing: install it with
scripts/install-tokenizer-reference.sh (npm registry).
"""

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile

NODE_SCRIPT = r"""
const { getEncoding } = require(process.argv[process.argv.length - 1]);
const fs = require("fs");
const files = JSON.parse(fs.readFileSync(0, "utf8"));
const encs = [getEncoding("o200k_base"), getEncoding("cl100k_base")];
const out = files.map(f => { const t = fs.readFileSync(f, "utf8"); return encs.map(e => e.encode(t, [], []).length); });
console.log(JSON.stringify(out));
"""

POOLS = [
    ["the", "The", "THE", "skill", "Skill", "camelCase", "HTTPServer", "iPhone", "McDonald", "ABCdef", "x", "I"],
    ["'s", "'S", "'t", "'re", "'RE", "'ve", "'m", "'ll", "'LL", "'d", "'D", "'x", "''", "'"],
    ["0", "7", "42", "123", "2024", "1234567", "3.14", "1,000", "٣٤٥", "१२"],
    [".", ",", "!", "?", "...", "--", "->", "=>", "/", "//", "/usr/bin", "(", ")", "[x]", "{}", "#", "##", "`", "```", "**", "<|endoftext|>", "@", "$", "%", "&&", "|"],
    [" ", "  ", "   ", "\t", "\n", "\n\n", "\r\n", "\r", " \n", "\n ", "\u00a0", "\u3000", "\u2028", "\u000b", "\u000c", "\u0085", "\ufeff", "\u2003"],
    ["日本語", "テキスト", "中文", "한국어", "Привет", "мир", "Ωμέγα", "עברית", "العربية", "हिन्दी", "ไทย"],
    ["a\u0301", "e\u0308", "\u0301", "\u0301abc", "n\u0303o", "Å", "\u0345x"],
    ["ʰ", "ˈstress", "々", "ー", "ǅ", "ǈa", "ᾈ"],
    ["🎉", "👍🏽", "👨‍👩‍👧", "🏳️‍🌈", "❤️", "✅", "❌", "🔥🔥", "\u200d", "\u200b"],
]


def generate(rng, n):
    texts = []
    for _ in range(n):
        parts = []
        for _ in range(rng.randint(1, 40)):
            pool = rng.choice(POOLS)
            parts.append(rng.choice(pool))
            if rng.random() < 0.3:
                parts.append(" ")
        texts.append("".join(parts))
    # Long runs: the merge's worst cases.
    texts += [" " * 5000, "\n" * 3000, "a" * 4000, "ab" * 2000, "🎉" * 500, "1" * 1001, "-" * 2000 + "\n"]
    return texts


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True, help="the repository (samples/, tests/fixtures/)")
    ap.add_argument("--node-modules", default=os.environ.get("SKILLSCORE_JS_TIKTOKEN", "/opt/skillscore/js-tiktoken/node_modules"))
    ap.add_argument("--count", type=int, default=300)
    args = ap.parse_args()
    node = shutil.which("node")
    package = os.path.join(args.node_modules, "js-tiktoken")
    if not node or not os.path.isdir(package):
        print(f"SKIP: needs node and js-tiktoken in {args.node_modules} (scripts/install-tokenizer-reference.sh)")
        return 77

    files = []
    for sub in ("samples", os.path.join("tests", "fixtures")):
        for root, _dirs, names in os.walk(os.path.join(args.source, sub)):
            for f in names:
                if f not in ("SKILL.md", "skill.md"):
                    continue
                try:  # the samples include invalid UTF-8 on purpose: not text to count
                    with open(os.path.join(root, f), "rb") as fh:
                        fh.read().decode("utf-8")
                except UnicodeDecodeError:
                    continue
                files.append(os.path.join(root, f))
    files.sort()
    with tempfile.TemporaryDirectory() as tmp:
        for i, t in enumerate(generate(random.Random(16), args.count)):
            path = os.path.join(tmp, f"t{i:04d}.txt")
            with open(path, "w", encoding="utf-8", newline="") as f:
                f.write(t)
            files.append(path)
        ref = subprocess.run([node, "-e", NODE_SCRIPT, "--", package], input=json.dumps(files).encode(),
                             stdout=subprocess.PIPE, check=True).stdout
        expected = json.loads(ref)
        got = []
        for k in range(0, len(files), 200):
            p = subprocess.run([args.bin, "tokens", "--raw", "--format", "json", *files[k:k + 200]],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
            if p.returncode != 0:
                print(f"skillscore tokens exited {p.returncode}: {p.stderr.decode()[:500]}")
                return 1
            out = p.stdout.decode()
            for line in out.splitlines():
                part = json.loads(line)["parts"][0]
                got.append([part["o200k_base"], part["cl100k_base"]])
        bad = 0
        for path, e, g in zip(files, expected, got):
            if e != g:
                bad += 1
                if bad <= 10:
                    with open(path, encoding="utf-8", newline="") as f:
                        sample = f.read()[:120]
                    print(f"MISMATCH {os.path.basename(path)}: reference {e}, skillscore {g}: {sample!r}")
        if len(got) != len(files):
            print(f"skillscore counted {len(got)} of {len(files)} files")
            return 1
    print(f"tokenizer: {len(files) - bad}/{len(files)} texts with the reference's counts (o200k_base, cl100k_base)")
    return 0 if bad == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
