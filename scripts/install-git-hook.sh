#!/usr/bin/env bash
# Installs a plain git pre-commit hook that runs `skillscore check` on the
# SKILL.md and skill.md files a commit adds or changes, as staged (not as in the
# working tree), for users without the pre-commit framework. Thresholds come
# from .skillscore.yaml (or SKILLSCORE_ARGS).
#
#   scripts/install-git-hook.sh [--force] [--skillscore PATH] [REPO_DIR]
set -euo pipefail

force=0
skillscore_bin="skillscore"
repo="."
while [ $# -gt 0 ]; do
  case "$1" in
    --force) force=1 ;;
    --skillscore) skillscore_bin="$2"; shift ;;
    -h|--help) sed -n '2,8p' "$0"; exit 0 ;;
    *) repo="$1" ;;
  esac
  shift
done

cd "$repo"
hooks_dir=$(git rev-parse --git-path hooks)
hook="$hooks_dir/pre-commit"
marker="# installed by skillscore"
if [ -e "$hook" ] && ! grep -q "$marker" "$hook" && [ "$force" -ne 1 ]; then
  echo "install-git-hook: $hook exists and is not skillscore's; use --force to replace it" >&2
  exit 2
fi
mkdir -p "$hooks_dir"
tmp="$hook.tmp.$$"
cat > "$tmp" <<HOOK
#!/bin/sh
$marker
# Scores what this commit adds or changes: the STAGED content of each SKILL.md
# or skill.md (the names skillscore scores) with the staged files of its
# directory (rules read the directory's name and its other files), copied into
# a temporary tree with the same paths; the working tree is not read. Refuses
# the commit when they fail skillscore's gates (exit 1) or cannot be read (2).
# Thresholds come from the repository's .skillscore.yaml, or SKILLSCORE_ARGS.
SKILLSCORE="\${SKILLSCORE:-$skillscore_bin}"
files=\$(git -c core.quotePath=false diff --cached --name-only --diff-filter=ACMR | grep -E '(^|/)(SKILL|skill)\.md\$' || true)
[ -z "\$files" ] && exit 0
top=\$(git rev-parse --show-toplevel) || exit 2
staged=\$(mktemp -d "\${TMPDIR:-/tmp}/skillscore-hook.XXXXXX") || exit 2
trap 'rm -rf "\$staged"' EXIT
trap 'exit 130' INT TERM
# One name per line: names with spaces survive, names with newlines are not supported.
old_ifs=\$IFS
IFS='
'
for f in \$files; do
  d=\$(dirname "\$f")
  if [ "\$d" = . ]; then git -c core.quotePath=false ls-files -- ':(glob)*'; else git -c core.quotePath=false ls-files -- "\$d/"; fi
done | sort -u | git checkout-index --prefix="\$staged/" --stdin || exit 2
set -- \$files
IFS=\$old_ifs
if [ -f "\$top/.skillscore.yaml" ]; then
  (cd "\$staged" && "\$SKILLSCORE" check --config "\$top/.skillscore.yaml" \${SKILLSCORE_ARGS:-} -- "\$@")
else
  (cd "\$staged" && "\$SKILLSCORE" check \${SKILLSCORE_ARGS:-} -- "\$@")
fi
status=\$?
if [ \$status -ne 0 ]; then
  echo "skillscore: commit refused: the staged skills above fail the quality gate (exit \$status)." >&2
  echo "skillscore: fix them and stage the fix, or commit with --no-verify to bypass." >&2
fi
exit \$status
HOOK
chmod +x "$tmp"
mv "$tmp" "$hook"
echo "installed $hook"
