#!/usr/bin/env python3
"""The HTML report in a real browser: headless Chromium, driven over the
DevTools protocol on a pipe (--remote-debugging-pipe), with Python's standard
library only. Renders the report of samples/ and of a generated 5,000-skill
tree (some with markup in their paths and text) and checks the DOM: headline
numbers against the summary JSON, one row per skill, sorting by score,
filtering, a row's details, no script from a skill ever runs, no network
request, no console error (a stale CSP hash would show as one), and the load
time. Saves screenshots as CI artifacts (build/artifacts/).

Exits 77 (skipped) when Chromium is not installed (scripts/install-browser-deps.sh).
"""
import argparse
import base64
import fcntl
import json
import os
import random
import re
import shutil
import subprocess
import sys
import tempfile
import threading
import time

sys.path.insert(0, os.path.dirname(__file__))
from common import run  # noqa: E402

FAILURES = []
SKIP = 77
LOAD_LIMIT_S = 10.0  # generous: the target is < 2 s; the measured time is printed


def check(cond, what):
    print(("ok   " if cond else "FAIL ") + what, flush=True)
    if not cond:
        FAILURES.append(what)
    return cond


def find_chromium():
    for name in ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable"):
        path = shutil.which(name)
        if path:
            return path
    return None


class CdpError(Exception):
    pass


class Browser:
    """Headless Chromium and one page, over the DevTools pipe (fd 3: commands
    in, fd 4: replies out, each message a JSON text ended by a NUL byte)."""

    def __init__(self, exe, tmp, width=1280, height=900):
        self.profile = tempfile.mkdtemp(prefix="profile-", dir=tmp)
        to_child_r, self.to_child = os.pipe()
        self.from_child, from_child_w = os.pipe()

        def preexec():
            a = fcntl.fcntl(to_child_r, fcntl.F_DUPFD_CLOEXEC, 10)
            b = fcntl.fcntl(from_child_w, fcntl.F_DUPFD_CLOEXEC, 10)
            os.dup2(a, 3)
            os.dup2(b, 4)

        self.stderr = open(os.path.join(tmp, "chromium.log"), "ab")
        self.proc = subprocess.Popen(
            [exe, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
             "--disable-component-update", "--no-first-run", "--no-default-browser-check", "--disable-sync",
             "--disable-extensions", "--disable-dev-shm-usage", "--hide-scrollbars", "--mute-audio",
             "--user-data-dir=" + self.profile, "--remote-debugging-pipe", f"--window-size={width},{height}",
             "about:blank"],
            stdin=subprocess.DEVNULL, stdout=self.stderr, stderr=self.stderr, preexec_fn=preexec, close_fds=False)
        os.close(to_child_r)
        os.close(from_child_w)
        self.next_id = 0
        self.replies = {}
        self.events = []
        self.cond = threading.Condition()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()
        target = self.send("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = self.send("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        for domain in ("Page", "Runtime", "Network", "Log"):
            self.send(domain + ".enable", session=True)
        self.send("Emulation.setDeviceMetricsOverride",
                  {"width": width, "height": height, "deviceScaleFactor": 1, "mobile": False}, session=True)

    def _read(self):
        buf = b""
        while True:
            try:
                chunk = os.read(self.from_child, 1 << 20)
            except OSError:
                chunk = b""
            if not chunk:
                with self.cond:
                    self.replies[None] = "closed"
                    self.cond.notify_all()
                return
            buf += chunk
            while b"\0" in buf:
                raw, buf = buf.split(b"\0", 1)
                msg = json.loads(raw)
                with self.cond:
                    if "id" in msg:
                        self.replies[msg["id"]] = msg
                    else:
                        self.events.append(msg)
                    self.cond.notify_all()

    def send(self, method, params=None, session=False, timeout=30):
        self.next_id += 1
        mid = self.next_id
        msg = {"id": mid, "method": method, "params": params or {}}
        if session:
            msg["sessionId"] = self.session
        os.write(self.to_child, json.dumps(msg).encode() + b"\0")
        deadline = time.monotonic() + timeout
        with self.cond:
            while mid not in self.replies:
                if None in self.replies:
                    raise CdpError(f"{method}: browser closed")
                left = deadline - time.monotonic()
                if left <= 0:
                    raise CdpError(f"{method}: no reply in {timeout} s")
                self.cond.wait(left)
            reply = self.replies.pop(mid)
        if "error" in reply:
            raise CdpError(f"{method}: {reply['error']}")
        return reply.get("result", {})

    def wait_event(self, method, since, timeout=30):
        deadline = time.monotonic() + timeout
        with self.cond:
            while True:
                for e in self.events[since:]:
                    if e.get("method") == method:
                        return e
                left = deadline - time.monotonic()
                if left <= 0:
                    raise CdpError(f"no {method} in {timeout} s")
                self.cond.wait(left)

    def events_named(self, *methods):
        with self.cond:
            return [e for e in self.events if e.get("method") in methods]

    def eval(self, expr, timeout=30):
        r = self.send("Runtime.evaluate", {"expression": expr, "returnByValue": True, "awaitPromise": True},
                      session=True, timeout=timeout)
        if "exceptionDetails" in r:
            raise CdpError(f"evaluate {expr[:60]}...: {r['exceptionDetails']}")
        return r["result"].get("value")

    def open(self, url, timeout=60):
        with self.cond:
            since = len(self.events)
        start = time.monotonic()
        self.send("Page.navigate", {"url": url}, session=True)
        self.wait_event("Page.loadEventFired", since, timeout)
        return time.monotonic() - start

    def click(self, selector):
        """A real mouse click in the middle of the element (scrolled into view)."""
        rect = self.eval(f"""(() => {{ const e = document.querySelector({json.dumps(selector)});
            if (!e) return null; e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();
            return [r.left + r.width / 2, r.top + r.height / 2]; }})()""")
        if rect is None:
            raise CdpError(f"no element {selector}")
        x, y = rect
        for kind in ("mouseMoved", "mousePressed", "mouseReleased"):
            self.send("Input.dispatchMouseEvent",
                      {"type": kind, "x": x, "y": y, "button": "left", "clickCount": 1}, session=True)

    def click_row(self, path):
        """Clicks the path cell of the skills-table row of `path`; False when there is none."""
        found = self.eval(f"""(() => {{ const r = Array.from(document.querySelectorAll('#skills tbody tr:not(.det)'))
            .find(r => r.cells[0].textContent === {json.dumps(path)}); if (!r) return false;
            if (r.hidden) document.getElementById('all-btn').click();  // beyond the rows shown at first
            document.querySelectorAll('[data-test-target]').forEach(e => e.removeAttribute('data-test-target'));
            r.cells[0].setAttribute('data-test-target', ''); return true; }})()""")
        if found:
            self.click("[data-test-target]")
        return found

    def key(self, key, code, keycode, text=None):
        for kind in ("rawKeyDown", "keyUp"):
            p = {"type": kind, "key": key, "code": code, "windowsVirtualKeyCode": keycode}
            if text and kind == "rawKeyDown":
                p = dict(p, type="keyDown", text=text)
            self.send("Input.dispatchKeyEvent", p, session=True)

    def screenshot(self, path, full_page=False):
        params = {"format": "png"}
        if full_page:
            w, h = self.eval("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
            params.update({"captureBeyondViewport": True, "clip": {"x": 0, "y": 0, "width": w, "height": h, "scale": 1}})
        data = self.send("Page.captureScreenshot", params, session=True, timeout=60)["data"]
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(base64.b64decode(data))

    def close(self):
        try:
            self.send("Browser.close", timeout=5)
        except CdpError:
            pass
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            self.proc.wait()
        os.close(self.to_child)
        self.stderr.close()


# --- the generated tree -------------------------------------------------------

PAYLOAD = "<script>document.title='pwned';window.__pwned=1</script>"
PAYLOAD_IMG = '<img src=x onerror="window.__pwned=2">'

SECTIONS = {
    "overview": "## Overview\n\nThis skill explains how to {topic} safely.\n",
    "when": "## When to Use This Skill\n\n- When you need to {topic}\n- Before a release\n",
    "patterns": ("## Core Patterns\n\n### Pattern 1: Start small\n\n❌ Common mistake: doing it all at once.\n\n"
                 "✅ Production pattern: one step at a time.\n\n**Key insight:** small steps fail small.\n\n"
                 "### Pattern 2: Verify\n\nCheck the result.\n"),
    "code": "```python\ndef run():\n    value = compute()\n    return value\n```\n",
    "bare_code": "```\nmake all\n```\n",
    "mistakes": "## Common Mistakes\n\n- Skipping the check\n",
    "flags": "## Red Flags\n\n- You MUST stop when tests fail.\n",
    "quick": "## Quick Reference\n\n| Step | Do |\n|---|---|\n| 1 | check |\n",
    "principle": "**Core principle:** NO CHANGES WITHOUT A FAILING TEST.\n",
}


def make_skill(rng, i, hostile):
    topic = rng.choice(["tune indexes", "review migrations", "debug regexes", "cache layers", "write fixtures"])
    name = f"skill-{i:05d}"
    if hostile:
        name = f"{name} {PAYLOAD}"
    desc = rng.choice([
        f"Use when you need to {topic} before deploying a change to production systems.",
        f"Helps to {topic}.",
        "",
    ])
    if hostile:
        desc += " " + PAYLOAD_IMG
    kind = rng.random()
    if kind < 0.05:
        front = f"---\nname: [unclosed {PAYLOAD if hostile else ''}\n---\n"  # invalid YAML
    else:
        front = f"---\nname: {json.dumps(name)}\ndescription: {json.dumps(desc)}\n"
        if rng.random() < 0.5:
            front += f"metadata:\n  skill_id: s{i}\n  version: 1.0.{i % 7}\n  type: technique\n"
        front += "---\n"
    body = f"# {name}\n\n"
    for key, text in SECTIONS.items():
        if rng.random() < [0.2, 0.45, 0.8][i % 3]:
            body += text.format(topic=topic) + "\n"
    if hostile:
        body += f"\n{PAYLOAD}\n\n{PAYLOAD_IMG}\n\n</script><script>window.__pwned=3</script>\n"
    return front + body


def generate_tree(root, count):
    rng = random.Random(7)
    hostile_dirs = ["<script>window.__pwned=4<", "<img src=x onerror=window.__pwned=5>", "a&amp;b \"q\" 'x'"]
    for i in range(count):
        group = f"team-{i % 50:02d}"
        leaf = f"skill-{i:05d}"
        hostile = i % 500 == 0
        if i < len(hostile_dirs):
            leaf = hostile_dirs[i] + f"-{i}"
        d = os.path.join(root, group, leaf)
        os.makedirs(d)
        with open(os.path.join(d, "SKILL.md"), "w", encoding="utf-8") as f:
            f.write(make_skill(rng, i, hostile or i < len(hostile_dirs)))


# --- checks on a rendered report ------------------------------------------------

DOM_FACTS = """(() => {
  const t = id => { const e = document.getElementById(id); return e ? e.firstChild.textContent.trim() : null; };
  const pass = document.getElementById('n-pass');
  const rows = Array.from(document.querySelectorAll('#skills tbody tr:not(.det)'));
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    skills: t('n-skills'), mean: t('n-mean'), median: t('n-median'), errors: t('n-errors'),
    regressions: t('n-regressions'),
    ratings: {EXCELLENT: t('n-r-excellent'), GOOD: t('n-r-good'), 'NEEDS IMPROVEMENT': t('n-r-needs-improvement'),
              POOR: t('n-r-poor')},
    passing: pass ? +pass.dataset.passing : null, below: pass ? +pass.dataset.below : null,
    rows: rows.length,
    paths: rows.map(r => r.cells[0].textContent),
    scores: rows.map(r => r.cells[1].textContent),
    ratingsCol: rows.map(r => r.cells[2].textContent),
    issues: rows.map(r => +r.cells[3].textContent),
    deltas: rows.map(r => r.cells.length > 4 ? r.cells[4].textContent : null),
    title: document.title, pwned: window.__pwned === undefined ? null : window.__pwned,
    scriptCount: document.scripts.length,
    external: Array.from(document.querySelectorAll('[src],[href],link,iframe,object,embed,img')).length,
    controlsShown: !document.getElementById('controls').hidden,
    load: nav ? nav.loadEventEnd : null, domReady: nav ? nav.domContentLoadedEventEnd : null,
    bytes: nav ? nav.decodedBodySize : null,
  };
})()"""

ORDER = "Array.from(document.querySelectorAll('#skills tbody tr:not(.det)')).map(r => r.cells[1].textContent)"
VISIBLE = "Array.from(document.querySelectorAll('#skills tbody tr:not(.det)')).filter(r => !r.hidden).length"
MATCHING = "+document.getElementById('f-count').dataset.matching"
LIMIT = 1000  # rows shown before "show more"


def check_report(b, label, html_path, summary, assessments, min_score, expect_pwned_candidates=False, baseline=None):
    b.events.clear()
    wall = b.open("file://" + html_path)
    # One frame after the load event: the page is laid out and painted.
    ready = b.eval("new Promise(r => requestAnimationFrame(() => setTimeout(() => r(performance.now()), 0)))")
    f = b.eval(DOM_FACTS)
    size = os.path.getsize(html_path)
    print(f"     {label}: {size / 1e6:.2f} MB, load event at {f['load']:.0f} ms, DOMContentLoaded "
          f"{f['domReady']:.0f} ms, first frame after load {ready:.0f} ms, navigation wall time {wall * 1000:.0f} ms",
          flush=True)
    check(f["load"] is not None and f["load"] / 1000 < LOAD_LIMIT_S,
          f"{label}: page loads in under {LOAD_LIMIT_S:.0f} s ({f['load']:.0f} ms)")

    # Headline numbers equal the summary.
    check(f["skills"] == str(summary["scored"]), f"{label}: skills {f['skills']} == summary {summary['scored']}")
    check(f["mean"] == f"{summary['mean']:.3f}", f"{label}: mean {f['mean']} == summary {summary['mean']:.3f}")
    check(f["median"] == f"{summary['median']:.3f}", f"{label}: median {f['median']} == summary {summary['median']:.3f}")
    for rating, n in summary["ratings"].items():
        check(f["ratings"][rating] == str(n), f"{label}: {rating} {f['ratings'][rating]} == summary {n}")
    expected_errors = str(summary["errors"]) if summary["errors"] else None
    check(f["errors"] == expected_errors, f"{label}: files not scored {f['errors']} == summary {expected_errors}")
    below = len(summary["thresholds"]["below_min_score"])
    check(f["passing"] == summary["scored"] - below and f["below"] == below,
          f"{label}: passing {f['passing']} == {summary['scored']} - {below} below --min-score {min_score}")
    if baseline:
        check(f["regressions"] == str(summary["baseline"]["regressions"]),
              f"{label}: regressions {f['regressions']} == summary {summary['baseline']['regressions']}")

    # The verdict and every gate, as the summary (and the exit code) has them.
    gates = b.eval("""(() => { const v = document.getElementById('verdict'); if (!v) return null;
        return {exit: +v.dataset.exit, verdict: v.dataset.verdict, gates: Array.from(document.querySelectorAll('#gates li'))
          .map(li => [li.dataset.gate, li.dataset.failed === '1'])}; })()""")
    check(gates is not None and gates["exit"] == summary["verdict"]["exit_code"]
          and gates["verdict"] == summary["verdict"]["result"]
          and gates["gates"] == [[g["gate"], g["failed"]] for g in summary["gates"]],
          f"{label}: the page states the verdict and every gate as the summary does ({gates})")
    # The histogram's labels (bar counts, mean, threshold) do not cover one another.
    boxes = b.eval("""Array.from(document.querySelectorAll('#histogram svg text.lbl, #hist-mean, #hist-thr')).map(t => {
        const r = t.getBoundingClientRect(); return [t.id || t.textContent, r.left, r.top, r.right, r.bottom]; })""")
    overlaps = [(a[0], c[0]) for i, a in enumerate(boxes) for c in boxes[i + 1:]
                if a[1] < c[3] and c[1] < a[3] and a[2] < c[4] and c[2] < a[4]]
    check(not overlaps and any(x[0] == "hist-mean" for x in boxes),
          f"{label}: no histogram label covers another ({overlaps[:3]})")

    # One row per skill, with its score, rating and issue count.
    check(f["rows"] == summary["scored"] == len(assessments), f"{label}: {f['rows']} rows == {len(assessments)} skills")
    by_path = {a["path"]: a for a in assessments}
    mismatches = [p for p, s, r, n in zip(f["paths"], f["scores"], f["ratingsCol"], f["issues"])
                  if p not in by_path or s != f"{by_path[p]['score']:.3f}" or r != by_path[p]["rating"]
                  or n != len(by_path[p]["issues"])]
    check(not mismatches and set(f["paths"]) == set(by_path),
          f"{label}: rows show each skill's path, score, rating, issue count ({len(mismatches)} mismatches)")
    if baseline:
        regressions = [d["path"] for d in summary["baseline"]["deltas"] if d["regression"]]
        check(f["paths"][:len(regressions)] == regressions, f"{label}: regressions first ({len(regressions)})")
        new = set(summary["baseline"]["added"])
        check(all((d == "new") == (p in new) for p, d in zip(f["paths"], f["deltas"])),
              f"{label}: new skills marked in the delta column")

    # Nothing from a skill ran; nothing external; no error on the console.
    check(f["pwned"] is None and f["title"] != "pwned", f"{label}: no script from a skill ran (title {f['title']!r})")
    check(f["scriptCount"] == 3, f"{label}: exactly the 3 report scripts in the DOM ({f['scriptCount']})")
    check(f["external"] == 0, f"{label}: no element with src/href, no img/link/iframe ({f['external']})")
    check(f["controlsShown"], f"{label}: the script ran (filter controls shown)")

    # At most 1,000 rows are shown at first (the rest on request), all of them in the DOM.
    shown = b.eval(VISIBLE)
    more = b.eval("!document.getElementById('more').hidden")
    check(shown == min(f["rows"], LIMIT) and more == (f["rows"] > LIMIT),
          f"{label}: {shown} rows shown at first, 'show more' {'offered' if more else 'not needed'}")

    # Sorting: a real click on the Score header, then again.
    b.click('#skills thead th[data-k="score"] button')
    asc = b.eval(ORDER)
    sort_attr = b.eval("document.querySelector('#skills thead th[data-k=score]').getAttribute('aria-sort')")
    check(sort_attr == "ascending" and [float(x) for x in asc] == sorted(float(x) for x in asc) and len(asc) == f["rows"],
          f"{label}: click on Score sorts ascending ({asc[:3]}...{asc[-3:]})")
    b.click('#skills thead th[data-k="score"] button')
    desc = b.eval(ORDER)
    check([float(x) for x in desc] == sorted((float(x) for x in desc), reverse=True) and desc != asc,
          f"{label}: second click sorts descending ({desc[:3]}...)")
    b.click('#skills thead th[data-k="path"] button')
    paths = b.eval("Array.from(document.querySelectorAll('#skills tbody tr:not(.det)')).map(r => r.cells[0].textContent)")
    check(paths == sorted(paths, key=lambda p: p.encode("utf-16-be")), f"{label}: click on Path sorts by path")

    # Show all: every row laid out (timed), then back to the first rows by sorting again.
    if f["rows"] > LIMIT:
        t = b.eval("""new Promise(r => { const t0 = performance.now(); document.getElementById('all-btn').click();
            document.body.offsetHeight; requestAnimationFrame(() => setTimeout(() => r(performance.now() - t0), 0)); })""")
        got = b.eval(VISIBLE)
        print(f"     {label}: 'show all' lays out {got} rows in {t:.0f} ms", flush=True)
        check(got == f["rows"] and b.eval("document.getElementById('more').hidden"), f"{label}: 'show all' shows {got} rows")

    # Filtering by path text and by rating (the count of matches; at most 1,000 shown).
    needle = f["paths"][len(f["paths"]) // 2].split("/")[-2].lower()
    b.eval(f"""(() => {{ const i = document.getElementById('f-text'); i.value = {json.dumps(needle)};
               i.dispatchEvent(new Event('input')); }})()""")
    time.sleep(0.4)
    want = sum(1 for p in f["paths"] if needle in p.lower())
    got, matching = b.eval(VISIBLE), b.eval(MATCHING)
    check(matching == want and got == min(want, LIMIT) and want >= 1,
          f"{label}: path filter {needle!r}: {matching} match, {got} shown (expected {want})")
    b.eval("""(() => { const i = document.getElementById('f-text'); i.value = '';
              i.dispatchEvent(new Event('input')); const r = document.getElementById('f-rating'); r.value = 'p';
              r.dispatchEvent(new Event('change')); })()""")
    time.sleep(0.4)
    got, matching = b.eval(VISIBLE), b.eval(MATCHING)
    want = summary["ratings"]["POOR"]
    check(matching == want and got == min(want, LIMIT), f"{label}: rating filter POOR: {matching} match, {got} shown")
    caption = b.eval("document.getElementById('cap-n').textContent")
    want_caption = (f"{want:,} of {f['rows']:,} skills (filtered)" if want != f["rows"]
                    else b.eval("document.getElementById('cap-n').dataset.all"))
    check(caption == want_caption, f"{label}: the table caption counts the filtered rows ({caption!r})")
    b.eval("(() => { const r = document.getElementById('f-rating'); r.value = ''; r.dispatchEvent(new Event('change')); })()")
    time.sleep(0.2)
    caption = b.eval("document.getElementById('cap-n').textContent")
    check(caption == ("1 skill" if f["rows"] == 1 else f"{f['rows']} skills"), f"{label}: unfiltered, the caption counts all ({caption!r})")
    order = b.eval("document.getElementById('cap-o').textContent")
    check(order == " sorted by path, ascending", f"{label}: the caption names the sort order ({order!r})")

    # Details: open the row with the most issues; its issues and strengths are shown as text.
    target = max(assessments, key=lambda a: (len(a["issues"]), a["path"]))
    b.click_row(target["path"])
    det = b.eval("""(() => { const d = document.querySelector('#skills tr.det'); if (!d) return null;
        const row = d.previousElementSibling;
        return {path: row.cells[0].textContent, expanded: row.getAttribute('aria-expanded'),
                items: Array.from(d.querySelectorAll('li')).map(li => li.textContent), text: d.textContent}; })()""")
    ok = det is not None and det["path"] == target["path"] and det["expanded"] == "true"
    if ok:
        for i in target["issues"]:
            ok = ok and any(i["message"] in t and i["rule"] in t for t in det["items"])
            if i["recommendation"]:
                ok = ok and i["recommendation"] in det["items"]
        for s in target["strengths"]:
            ok = ok and s in det["items"]
    check(ok, f"{label}: opening {target['path']!r} shows its {len(target['issues'])} issues, "
              f"recommendations and {len(target['strengths'])} strengths")
    # The issue column's text wraps inside it: nothing runs into the strengths.
    cols = b.eval("""(() => { const c = document.querySelectorAll('#skills tr.det .cols > div'); if (c.length < 2) return null;
        const l = c[0].getBoundingClientRect(), r = c[1].getBoundingClientRect();
        let widest = 0; c[0].querySelectorAll('li').forEach(li => { widest = Math.max(widest, li.getBoundingClientRect().right); });
        return {overflow: c[0].scrollWidth - c[0].clientWidth, right: l.right, widest: widest, next: r.left, top: r.top, ltop: l.top}; })()""")
    check(cols is not None and cols["overflow"] <= 1 and cols["widest"] <= cols["right"] + 1
          and (cols["right"] <= cols["next"] or cols["top"] > cols["ltop"]),
          f"{label}: the details' issues stay in their column ({cols})")
    b.click_row(target["path"])
    check(b.eval("document.querySelectorAll('#skills tr.det').length") == 0, f"{label}: a second click closes it")

    # Keyboard: one tab stop in the table; ArrowDown moves to the next row, Enter opens it.
    start = b.eval("""(() => { const rows = Array.from(document.querySelectorAll('#skills tbody tr:not(.det)'));
        const r = document.querySelector('#skills tbody tr[tabindex="0"]'); r.focus(); return rows.indexOf(r); })()""")
    b.key("ArrowDown", "ArrowDown", 40)
    b.key("Enter", "Enter", 13, "\r")
    kb = b.eval("""(() => { const rows = Array.from(document.querySelectorAll('#skills tbody tr:not(.det)'));
        const d = document.querySelector('#skills tr.det');
        return {focused: rows.indexOf(document.activeElement), opened: d ? rows.indexOf(d.previousElementSibling) : -1,
                stops: document.querySelectorAll('#skills tbody tr[tabindex="0"]').length}; })()""")
    check(kb["focused"] == start + 1 and kb["opened"] == start + 1 and kb["stops"] == 1,
          f"{label}: ArrowDown then Enter opens the next row, one tab stop ({kb}, from {start})")
    b.key("Enter", "Enter", 13, "\r")
    check(b.eval("document.querySelectorAll('#skills tr.det').length") == 0, f"{label}: Enter again closes it")

    if expect_pwned_candidates:
        # Open every row whose path or details carry markup: still nothing runs.
        hostile = [a["path"] for a in assessments if "<" in a["path"] or any("<" in i["message"] for i in a["issues"])]
        for p in hostile[:20]:
            check(b.click_row(p), f"{label}: the path {p!r} is shown as text")
        time.sleep(0.3)
        state = b.eval("({pwned: window.__pwned === undefined ? null : window.__pwned, title: document.title, "
                       "scripts: document.scripts.length, imgs: document.images.length})")
        check(state["pwned"] is None and state["title"] != "pwned" and state["scripts"] == 3 and state["imgs"] == 0,
              f"{label}: after opening {len(hostile[:20])} hostile rows nothing ran ({state})")

    # Without JavaScript: the same headline and every row, server-rendered.
    b.send("Emulation.setScriptExecutionDisabled", {"value": True}, session=True)
    try:
        b.open("file://" + html_path)
        nojs = b.eval("({cls: document.documentElement.className, skills: document.getElementById('n-skills').textContent,"
                      " mean: document.getElementById('n-mean').firstChild.textContent.trim(),"
                      " rows: document.querySelectorAll('#skills tbody tr').length,"
                      " controls: document.getElementById('controls').hidden})")
    finally:
        b.send("Emulation.setScriptExecutionDisabled", {"value": False}, session=True)
    check(nojs["cls"] == "nojs" and nojs["skills"] == str(summary["scored"]) and nojs["mean"] == f["mean"]
          and nojs["rows"] == summary["scored"] and nojs["controls"],
          f"{label}: without JavaScript the headline and all {nojs['rows']} rows are there, controls hidden")

    # The browser saw no request but the page itself, and no error.
    requests = [e["params"]["request"]["url"] for e in b.events_named("Network.requestWillBeSent")]
    check(requests and all(u == "file://" + html_path for u in requests),
          f"{label}: the only request is the page itself ({len(requests)} loads, {sorted(set(requests))[:3]})")
    errors = [e["params"]["entry"]["text"] for e in b.events_named("Log.entryAdded")
              if e["params"]["entry"]["level"] in ("error", "warning")]
    errors += [str(e["params"]["exceptionDetails"].get("exception", {}).get("description", e["params"]))
               for e in b.events_named("Runtime.exceptionThrown")]
    errors += [" ".join(str(a.get("value", "")) for a in e["params"]["args"])
               for e in b.events_named("Runtime.consoleAPICalled") if e["params"]["type"] in ("error", "warning")]
    check(not errors, f"{label}: no console error or CSP violation ({errors[:3]})")
    return f


def static_checks(label, html_path):
    with open(html_path, encoding="utf-8") as fh:
        text = fh.read()
    check(not re.search(r"""(?:src|href)\s*=\s*["']?\s*(?:https?:)?//""", text, re.I),
          f"{label}: no src/href to an external resource in the file")
    check("<link" not in text and "@import" not in text and "url(" not in text,
          f"{label}: no <link>, @import or url() in the file")
    block = re.search(r'<script type="application/json" id="data">(.*?)</script>', text, re.S)
    check(block is not None and "<" not in block.group(1), f"{label}: no '<' inside the JSON data block")
    return text


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    ap.add_argument("--source", required=True)
    ap.add_argument("--artifacts", default=None, help="where screenshots go (default: <bin dir>/artifacts)")
    ap.add_argument("--skills", type=int, default=5000)
    ap.add_argument("--docs-screenshot", default=None, help="also write the samples screenshot here (README)")
    ap.add_argument("--keep", action="store_true", help="keep the temporary directory")
    a = ap.parse_args()
    exe = find_chromium()
    if not exe:
        print("skip: chromium is not installed (scripts/install-browser-deps.sh)")
        return SKIP
    bin_ = os.path.abspath(a.bin)
    artifacts = os.path.abspath(a.artifacts or os.path.join(os.path.dirname(bin_), "artifacts"))
    tmp = tempfile.mkdtemp(prefix="skillscore-html-")
    browser = None
    started = time.monotonic()
    try:
        # 1. The samples (one of them is not valid UTF-8: exit code 2).
        html1, sum1, json1 = (os.path.join(tmp, n) for n in ("samples.html", "samples-summary.json", "samples.json"))
        r = run([bin_, "check", "samples", "--no-config", "--fail-on", "none", "--min-score", "0.5",
                 "--output", "html:" + html1, "--output", "json:" + json1, "--summary", sum1], cwd=a.source)
        check(r.returncode == 2, f"samples: exit code 2 for the invalid-UTF-8 sample (got {r.returncode})")
        check(os.path.exists(html1) and os.path.exists(sum1), "samples: report and summary written")
        with open(sum1) as fh:
            summary1 = json.load(fh)
        with open(json1) as fh:
            assessments1 = json.load(fh)["assessments"]
        static_checks("samples", html1)

        try:
            browser = Browser(exe, tmp)
        except (CdpError, OSError) as e:
            print(f"skip: chromium does not start: {e}")
            return SKIP
        check_report(browser, "samples", html1, summary1, assessments1, 0.5)
        # Screenshot for the CI artifact and the README: top of the page, one row opened.
        browser.open("file://" + html1)
        browser.eval("window.scrollTo(0, 0)")
        browser.screenshot(os.path.join(artifacts, "report.png"))
        browser.click('#skills tbody tr:nth-of-type(3) th')
        browser.screenshot(os.path.join(artifacts, "report-full.png"), full_page=True)
        print(f"     screenshots: {artifacts}/report.png, report-full.png")
        if a.docs_screenshot:
            shutil.copyfile(os.path.join(artifacts, "report.png"), a.docs_screenshot)

        # 2. A generated tree of many skills, some with markup in paths and text,
        #    against a baseline (some scores were higher before: regressions).
        tree = os.path.join(tmp, "fleet")
        generate_tree(tree, a.skills)
        html2, sum2, json2, base2 = (os.path.join(tmp, n) for n in ("fleet.html", "fleet-summary.json", "fleet.json",
                                                                   "baseline.jsonl"))
        r = run([bin_, "check", tree, "--no-config", "--fail-on", "none", "--output", "json:" + json2], timeout=300)
        check(r.returncode == 0, f"fleet: first run (exit code {r.returncode})")
        with open(json2) as fh:
            first = json.load(fh)["assessments"]
        rng = random.Random(11)
        with open(base2, "w") as fh:
            for i, x in enumerate(first):
                if i % 97 == 5:
                    continue  # "new" in this run
                before = x["score"] + (0.2 if i % 41 == 3 else -0.05 if i % 13 == 1 else 0.0)
                fh.write(json.dumps({"path": x["path"], "score": min(1.0, before)}) + "\n")
            fh.write(json.dumps({"path": tree + "/gone/SKILL.md", "score": rng.random()}) + "\n")
        r = run([bin_, "check", tree, "--no-config", "--fail-on", "none", "--min-score", "0.5", "-j", "4",
                 "--baseline", base2, "--output", "html:" + html2, "--output", "json:" + json2, "--summary", sum2],
                timeout=300)
        check(r.returncode == 1, f"fleet: exit code 1 (skills below --min-score) (got {r.returncode})")
        with open(sum2) as fh:
            summary2 = json.load(fh)
        with open(json2) as fh:
            assessments2 = json.load(fh)["assessments"]
        text = static_checks("fleet", html2)
        check(PAYLOAD not in text and "<img src=x" not in text, "fleet: no skill markup unescaped in the file")
        check(summary2["baseline"]["regressions"] > 0, "fleet: the baseline makes regressions")
        # Same bytes with one thread.
        html3 = os.path.join(tmp, "fleet-j1.html")
        run([bin_, "check", tree, "--no-config", "--fail-on", "none", "--min-score", "0.5", "-j", "1",
             "--baseline", base2, "--output", "html:" + html3], timeout=300)
        with open(html3, encoding="utf-8") as fh:
            check(fh.read() == text, "fleet: identical report with -j 1 and -j 4")
        f = check_report(browser, f"fleet of {a.skills}", html2, summary2, assessments2, 0.5,
                         expect_pwned_candidates=True, baseline=True)
        browser.open("file://" + html2)
        browser.screenshot(os.path.join(artifacts, "report-fleet.png"))
        print(f"RESULT fleet of {a.skills} skills: {os.path.getsize(html2) / 1e6:.2f} MB, "
              f"load {f['load']:.0f} ms", flush=True)
    except CdpError as e:
        check(False, f"browser: {e}")
    finally:
        if browser:
            browser.close()
        if a.keep:
            print(f"     kept {tmp}")
        else:
            shutil.rmtree(tmp, ignore_errors=True)
    print(f"{len(FAILURES)} failure(s) in {time.monotonic() - started:.1f} s")
    return 1 if FAILURES else 0


if __name__ == "__main__":
    sys.exit(main())
