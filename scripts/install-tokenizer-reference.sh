#!/usr/bin/env bash
# Installs the tokenizer reference (js-tiktoken, npm registry) for the
# tokenizer_reference test, which is skipped without it. The build does not
# need it: the ranks are in data/tokenizer/.
set -euo pipefail
prefix="${1:-/opt/skillscore/js-tiktoken}"
if [ -d "$prefix/node_modules/js-tiktoken" ]; then exit 0; fi
command -v npm >/dev/null 2>&1 || { echo "npm not found: the tokenizer_reference test will be skipped" >&2; exit 0; }
mkdir -p "$prefix"
npm install --silent --no-audit --no-fund --prefix "$prefix" js-tiktoken@1.0.21
