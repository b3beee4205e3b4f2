#!/usr/bin/env bash
# Installs a plain git pre-commit hook that runs `skillscore check` on the
# SKILL.md files a commit adds or changes, for users without the pre-commit
# framework. Thresholds come from .skillscore.yaml (or SKILLSCORE_ARGS).
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
# Scores the SKILL.md files this commit adds or changes; refuses the commit
# when they fail skillscore's gates (exit 1) or cannot be read (exit 2).
SKILLSCORE="\${SKILLSCORE:-$skillscore_bin}"
files=\$(git diff --cached --name-only --diff-filter=ACMR | grep -E '(^|/)SKILL\.md\$' || true)
[ -z "\$files" ] && exit 0
# One name per line: names with spaces survive, names with newlines are not supported.
old_ifs=\$IFS
IFS='
'
set -- \$files
IFS=\$old_ifs
"\$SKILLSCORE" check \${SKILLSCORE_ARGS:-} -- "\$@"
status=\$?
if [ \$status -ne 0 ]; then
  echo "skillscore: commit refused: the skills above fail the quality gate (exit \$status)." >&2
  echo "skillscore: fix them, or commit with --no-verify to bypass." >&2
fi
exit \$status
HOOK
chmod +x "$tmp"
mv "$tmp" "$hook"
echo "installed $hook"
