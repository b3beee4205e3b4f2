#!/usr/bin/env python3
"""`skillscore fix` round trip on tests/fixtures/fix/cases.json: each fixture's
--diff is a patch that gives the fixed file, the fix names the fixes expected,
the fixed file passes the rules the fix targets and scores no lower (scored
before and after with the case's profile), a second run finds nothing to do,
and a fix that cannot be made safely leaves the file as it was, with a reason.
Then the exit codes, a symbolic link and the file's permissions."""
import json
import os
import shutil
import stat
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import check, finish, parser, run  # noqa: E402


def assess(bin_, skill_md, profile, cwd):
    r = run([bin_, "check", skill_md, "--no-config", "--profile", profile, "--fail-on", "none", "--format", "json"],
            cwd=cwd)
    a = json.loads(r.stdout)["assessments"][0]
    return a["score"], {i["rule"] for i in a["issues"]}


def read(path):
    with open(path, "rb") as f:
        return f.read()


def case(bin_, fixtures, tmp, c):
    name = c["dir"]
    src = os.path.join(fixtures, name)
    work = os.path.join(tmp, name.replace("/", "__"))
    skill_dir = os.path.join(work, os.path.basename(name))
    shutil.copytree(src, skill_dir)
    skill_md = os.path.join(os.path.basename(name), "SKILL.md")
    before_bytes = read(os.path.join(skill_dir, "SKILL.md"))
    score_before, issues_before = assess(bin_, skill_md, c["profile"], work)
    for t in c["targets"]:
        check(t in issues_before, f"{name}: {t} fails before the fix")

    args = ["--no-config", "--profile", c["profile"]]
    d = run([bin_, "fix", skill_md, "--diff"] + args, cwd=work)
    # Bytes too, not text: a CRLF line of the diff must reach patch(1) as it is.
    raw = subprocess.run([bin_, "fix", skill_md, "--diff"] + args, cwd=work, capture_output=True).stdout
    check(d.returncode == (1 if c["fixes"] else 0), f"{name}: --diff exits {1 if c['fixes'] else 0} (got {d.returncode})")
    check(read(os.path.join(skill_dir, "SKILL.md")) == before_bytes, f"{name}: --diff writes nothing")
    for why in c.get("skipped", []):
        check(why in d.stderr, f"{name}: says why a fix was skipped ({why!r})")

    f = run([bin_, "fix", skill_md] + args, cwd=work)
    check(f.returncode == 0, f"{name}: fix exits 0 (got {f.returncode}: {f.stderr.strip()})")
    after_bytes = read(os.path.join(skill_dir, "SKILL.md"))
    applied = sorted(w for w in f.stdout.replace(",", " ").split() if w.startswith("FX"))
    check(applied == sorted(c["fixes"]), f"{name}: applied {c['fixes']} (got {applied})")
    if not c["fixes"]:
        check(after_bytes == before_bytes, f"{name}: left as it was")
        return
    check(after_bytes != before_bytes, f"{name}: the file changed")
    after = after_bytes.decode()
    for k in c.get("keeps", []):
        check(k in after, f"{name}: the fixed file has {k!r}")

    # The diff, applied to the original with patch(1), gives the fixed file.
    patched = os.path.join(tmp, "patch-" + name.replace("/", "__"))
    os.makedirs(os.path.join(patched, os.path.basename(name)))
    with open(os.path.join(patched, skill_md), "wb") as out:
        out.write(before_bytes)
    p = subprocess.run(["patch", "-p1", "-s", "--binary"], cwd=patched, input=raw, capture_output=True)
    check(p.returncode == 0 and read(os.path.join(patched, skill_md)) == after_bytes,
          f"{name}: the --diff output is a patch giving the fixed file ({p.stderr.decode().strip()})")

    score_after, issues_after = assess(bin_, skill_md, c["profile"], work)
    for t in c["targets"]:
        check(t not in issues_after, f"{name}: {t} passes after the fix")
    check(score_after >= score_before, f"{name}: scores no lower ({score_before} -> {score_after}, {c['profile']})")
    check(not (issues_after - issues_before), f"{name}: no new issue ({sorted(issues_after - issues_before)})")

    again = run([bin_, "fix", skill_md, "--check"] + args, cwd=work)
    check(again.returncode == 0 and read(os.path.join(skill_dir, "SKILL.md")) == after_bytes,
          f"{name}: a second run finds nothing to fix")


def exit_codes(bin_, fixtures, tmp):
    work = os.path.join(tmp, "codes")
    shutil.copytree(os.path.join(fixtures, "fence"), work)
    with open(os.path.join(work, "broken.md"), "wb") as f:
        f.write(b"---\nname: x\n---\n\xff\xfe not UTF-8\n")
    r = run([bin_, "fix", "broken.md", "fence-skill", "--no-config", "--check"], cwd=work)
    check(r.returncode == 2 and "broken.md" in r.stderr, "a file that is not UTF-8: an error naming it, exit 2")
    check("fence-skill/SKILL.md: would fix FX003" in r.stdout, "... and the other files are still looked at")
    r = run([bin_, "fix", "fence-skill", "--only", "FX999"], cwd=work)
    check(r.returncode == 2 and "FX999" in r.stderr, "--only with an unknown fix: exit 2")
    r = run([bin_, "fix", "fence-skill", "--no-config", "--only", "trailing-whitespace", "--check"], cwd=work)
    check(r.returncode == 0, "--only by slug: only that fix (nothing to do here)")
    r = run([bin_, "fix", "--list"], cwd=work)
    check(r.returncode == 0 and all(f"FX00{i}" in r.stdout for i in range(1, 7)) and "AS017" in r.stdout,
          "--list: every fix with the rules it resolves")
    # Fixing through a symbolic link writes the file it points to, with its permissions.
    target = os.path.join(work, "fence-skill", "SKILL.md")
    os.chmod(target, 0o600)
    os.makedirs(os.path.join(work, "linked"))
    os.symlink(target, os.path.join(work, "linked", "SKILL.md"))
    r = run([bin_, "fix", "linked/SKILL.md", "--no-config"], cwd=work)
    check(r.returncode == 0 and os.path.islink(os.path.join(work, "linked", "SKILL.md")) and
          b"```python" in read(target), "a symbolic link stays a link; its target is fixed")
    check(stat.S_IMODE(os.stat(target).st_mode) == 0o600, "the fixed file keeps its permissions")
    # Under skill-fleet-v2 (the default) the specification-only fixes do not run.
    shutil.copytree(os.path.join(fixtures, "fields", "fields-skill"), os.path.join(work, "fields-skill"))
    r = run([bin_, "fix", "fields-skill", "--no-config", "--check"], cwd=work)
    check(r.returncode == 0, "skill-fleet-v2: top-level fields stay (it scores them there)")


def main():
    ap = parser("bin", "fixtures")
    args = ap.parse_args()
    bin_ = os.path.abspath(args.bin)
    with open(os.path.join(args.fixtures, "cases.json")) as f:
        cases = json.load(f)
    tmp = tempfile.mkdtemp(prefix="skillscore-fix-")
    try:
        for c in cases:
            case(bin_, args.fixtures, tmp, c)
        exit_codes(bin_, args.fixtures, tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish("fix")


if __name__ == "__main__":
    sys.exit(main())
