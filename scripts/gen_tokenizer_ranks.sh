#!/usr/bin/env bash
# Regenerates data/tokenizer/*.bpe, the BPE merge ranks of o200k_base and
# cl100k_base, from the npm package js-tiktoken (MIT; the ranks are OpenAI's
# tiktoken data, MIT). Run by hand when the data should change; the build only
# reads the files in the repository (nothing is downloaded at build time).
# Needs node and npm (the npm registry).
#
# Format of a .bpe file: "SKBPE1\n", the token count as 4 bytes little-endian,
# then for each rank from 0 up: one byte of length (1-255) and the token's bytes.
set -euo pipefail
version=1.0.21
root="$(cd "$(dirname "$0")/.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && npm pack --silent "js-tiktoken@$version" >/dev/null && tar xzf "js-tiktoken-$version.tgz")
for enc in o200k_base cl100k_base; do
  node - "$work/package/dist/ranks/$enc.cjs" "$root/data/tokenizer/$enc.bpe" <<'JS'
const fs = require("fs");
const [src, dst] = process.argv.slice(2);
const ranks = require(src).default ?? require(src);
const tokens = [];
for (const line of ranks.bpe_ranks.split("\n")) {
  if (!line) continue;
  const [_, offsetStr, ...toks] = line.split(" ");
  const offset = Number.parseInt(offsetStr, 10);
  toks.forEach((t, i) => { tokens[offset + i] = Buffer.from(t, "base64"); });
}
const parts = [Buffer.from("SKBPE1\n")];
const count = Buffer.alloc(4);
count.writeUInt32LE(tokens.length);
parts.push(count);
for (let r = 0; r < tokens.length; ++r) {
  const t = tokens[r];
  if (!t || t.length === 0 || t.length > 255) throw new Error(`rank ${r}: missing or too long`);
  parts.push(Buffer.from([t.length]), t);
}
fs.writeFileSync(dst, Buffer.concat(parts));
console.error(`${dst}: ${tokens.length} tokens`);
JS
done
