#!/usr/bin/env python3
"""The release artifacts as a user gets them (scripts/package.sh, from the
ctest build tree): the tarball unpacked on a path without the build tree
scores samples/ as the reference does; the .deb has the right metadata (no
Depends: the binary is static), installs with dpkg into a scratch root and
runs; the Dockerfile's build stage (scripts/docker-build.sh) lays out the
image's root, and, where podman can run containers, the final stage runs it."""
import json
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile

sys.path.insert(0, os.path.dirname(__file__))
from common import load_jsonl, parser, run  # noqa: E402


def golden_scores(source):
    out = {}
    for line in open(os.path.join(source, "tests/golden/samples.expected.jsonl"), encoding="utf-8"):
        e = json.loads(line)
        if "reference" in e:
            out[e["path"]] = e["reference"]["overall_score"]
    return out


def check_scores(binary, source, tmp, failures, what):
    work = os.path.join(tmp, f"work-{what}")
    shutil.copytree(os.path.join(source, "samples"), os.path.join(work, "samples"))
    proc = run([binary, "score", "samples", "--no-write", "--format", "jsonl", "--no-config", "-q"], cwd=work,
               env={"PATH": "/usr/bin:/bin"})
    got = {r["path"].removeprefix("samples/"): r.get("score") for r in load_jsonl(proc.stdout)}
    expected = golden_scores(source)
    wrong = [p for p, s in expected.items() if got.get(p) != s]
    if proc.returncode != 2 or wrong or len(expected) < 40:  # 2: samples/ holds a non-UTF-8 file on purpose
        failures.append(f"{what}: exit {proc.returncode}, {len(wrong)} of {len(expected)} scores differ: {wrong[:3]}")


def main():
    ap = parser("source", "build")
    a = ap.parse_args()
    source, build = os.path.abspath(a.source), os.path.abspath(a.build)
    failures = []
    version = run([os.path.join(build, "skillscore"), "--version"]).stdout.split()[1]
    with tempfile.TemporaryDirectory() as tmp:
        dist = os.path.join(tmp, "dist")
        proc = run([os.path.join(source, "scripts/package.sh")], env=dict(os.environ, BUILD_DIR=build, DIST=dist),
                   timeout=600)
        if proc.returncode != 0:
            print(proc.stdout[-2000:], proc.stderr[-2000:])
            print("FAIL scripts/package.sh")
            return 1
        name = f"skillscore-{version}-linux-x86_64"
        tarball = os.path.join(dist, f"{name}.tar.gz")
        deb = os.path.join(dist, f"skillscore_{version}_amd64.deb")
        for f in (tarball, deb, os.path.join(dist, "SHA256SUMS")):
            if not os.path.isfile(f):
                failures.append(f"{os.path.basename(f)} not made")
        sums = run(["sha256sum", "-c", "SHA256SUMS"], cwd=dist)
        if sums.returncode != 0:
            failures.append(f"SHA256SUMS: {sums.stdout} {sums.stderr}")

        # The tarball.
        want = {"bin/skillscore", "share/man/man1/skillscore.1.gz", "share/bash-completion/completions/skillscore",
                "share/zsh/vendor-completions/_skillscore", "share/fish/vendor_completions.d/skillscore.fish",
                "share/skillscore/schema/quality_assessment.schema.json",
                "share/skillscore/schema/skillscore-config.schema.json", "README.md", "share/doc/skillscore/README.md"}
        if os.path.isfile(os.path.join(source, "LICENSE")):
            want |= {"LICENSE", "share/doc/skillscore/LICENSE"}
        else:
            print("no LICENSE file in the project: the packages carry none")
        with tarfile.open(tarball) as t:
            members = t.getmembers()
            files = {m.name.removeprefix(name + "/") for m in members if m.isfile()}
            if any(not m.name.startswith(name + "/") for m in members if m.name != name):
                failures.append("tarball: entries outside its top directory")
            if any(m.uid or m.gid for m in members):
                failures.append("tarball: entries owned by someone other than root")
            opt = os.path.join(tmp, "opt")
            t.extractall(opt)
        if files != want:
            failures.append(f"tarball: missing {sorted(want - files)}, unexpected {sorted(files - want)}")
        binary = os.path.join(opt, name, "bin", "skillscore")
        if "NEEDED" in run(["readelf", "-d", binary]).stdout:
            failures.append("tarball: the binary needs shared libraries")
        check_scores(binary, source, tmp, failures, "tarball")
        man = subprocess.run(["gzip", "-dc", os.path.join(opt, name, "share/man/man1/skillscore.1.gz")],
                             capture_output=True, text=True).stdout
        if not man.startswith(".\\\"") or ".TH SKILLSCORE 1" not in man or f"skillscore {version}" not in man:
            failures.append("tarball: the man page is not the generated one")
        completion = open(os.path.join(opt, name, "share/bash-completion/completions/skillscore")).read()
        if "complete -o filenames -F _skillscore skillscore" not in completion:
            failures.append("tarball: the bash completion is not the generated one")

        # The .deb: metadata, contents, an install with dpkg into a scratch root.
        fields = {}
        for f in ("Package", "Version", "Architecture", "Maintainer", "Description", "Depends", "Section"):
            fields[f] = run(["dpkg-deb", "-f", deb, f]).stdout.strip()
        for f, v in (("Package", "skillscore"), ("Version", version), ("Architecture", "amd64"), ("Depends", "")):
            if fields[f] != v:
                failures.append(f"deb: {f} is {fields[f]!r}, expected {v!r}")
        if not fields["Maintainer"] or not fields["Description"].startswith("Scores agent skill documents"):
            failures.append(f"deb: Maintainer {fields['Maintainer']!r}, Description {fields['Description'][:60]!r}")
        listing = run(["dpkg-deb", "-c", deb]).stdout
        for path in ("./usr/bin/skillscore", "./usr/share/man/man1/skillscore.1.gz",
                     "./usr/share/bash-completion/completions/skillscore", "./usr/share/doc/skillscore/README.md",
                     "./usr/share/skillscore/schema/quality_assessment.schema.json"):
            if not re.search(rf" {re.escape(path)}$", listing, re.M):
                failures.append(f"deb: {path} missing")
        root = os.path.join(tmp, "root")
        for d in ("var/lib/dpkg/info", "var/lib/dpkg/updates", "var/lib/dpkg/triggers"):
            os.makedirs(os.path.join(root, d))
        open(os.path.join(root, "var/lib/dpkg/status"), "w").close()
        inst = run(["dpkg", f"--root={root}", "--force-not-root", "--force-script-chrootless", "--log=/dev/null",
                    "--no-triggers", "-i", deb], timeout=120)
        if inst.returncode != 0:
            failures.append(f"dpkg -i into a scratch root: {inst.stdout[-500:]} {inst.stderr[-500:]}")
        else:
            status = run(["dpkg-query", f"--admindir={root}/var/lib/dpkg", "-W", "-f=${Status} ${Version}", "skillscore"])
            if status.stdout != f"install ok installed {version}":
                failures.append(f"dpkg-query in the scratch root: {status.stdout!r}")
            check_scores(os.path.join(root, "usr/bin/skillscore"), source, tmp, failures, "deb")

        # The Dockerfile: its build stage, then (where podman runs) its final stage.
        rootfs = os.path.join(tmp, "image", "rootfs")
        proc = run([os.path.join(source, "scripts/docker-build.sh"), rootfs], env=dict(os.environ, BUILD_DIR=build),
                   timeout=600)
        image_bin = os.path.join(rootfs, "usr/bin/skillscore")
        if proc.returncode != 0 or not os.path.isfile(image_bin):
            failures.append(f"docker-build.sh: {proc.stderr[-500:]}")
        else:
            check_scores(image_bin, source, tmp, failures, "image root")
            podman_final_stage(source, os.path.dirname(rootfs), failures)

    for f in failures:
        print("FAIL", f)
    print(f"package: {len(failures)} failures")
    return 1 if failures else 0


def podman_final_stage(source, context, failures):
    if not shutil.which("podman"):
        print("podman not installed: the Dockerfile's final stage is not built")
        return
    dockerfile = open(os.path.join(source, "Dockerfile"), encoding="utf-8").read()
    final = dockerfile[dockerfile.index("FROM scratch"):].replace("COPY --from=build /out/ /", "COPY rootfs/ /")
    with open(os.path.join(context, "Containerfile"), "w", encoding="utf-8") as f:
        f.write(final)
    tag = f"localhost/skillscore-package-test:{os.getpid()}"
    built = run(["podman", "build", "-q", "-t", tag, context], timeout=300)
    if built.returncode != 0:
        failures.append(f"podman build of the final stage: {built.stderr[-500:]}")
        return
    try:
        ran = run(["podman", "run", "--rm", "--network=none", "-v", f"{source}/samples:/src:ro", tag,
                   "check", "excellent-git-bisect"], timeout=120)
        if ran.returncode == 0:
            print("podman: the image ran `check`")
        elif "OCI" in ran.stderr or "crun" in ran.stderr:
            print(f"podman builds but cannot run containers here: {ran.stderr.strip()[:200]}")
        else:
            failures.append(f"podman run: exit {ran.returncode}: {ran.stderr[-300:]}")
    finally:
        run(["podman", "rmi", "-f", tag], timeout=120)


if __name__ == "__main__":
    sys.exit(main())
