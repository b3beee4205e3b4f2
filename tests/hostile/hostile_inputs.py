"""The catalogue of hostile and broken inputs (issue: reliability and security).

Each case writes its fixture into a directory (nothing is committed but the
generators) and says what skillscore must do with it:

  expect = "score"   every file is scored (exit 0 with --fail-on none)
  expect = "error"   a per-file error naming the file (exit 2), `error_has` in it
  expect = "either"  a score or a clear per-file error, exit 0 or 2

`profiles` says which profiles read it: "default" (skill-fleet-v2: raw text,
never cmark-gfm) and "ast" (tests/hostile/ast-profile.yaml: headings, prose and
code blocks from cmark-gfm's AST). Markdown cases run through both.

Used by tests/hostile/hostile_test.py (ctest `hostile`) and by
scripts/hostile-report.sh (the timing / memory table). Python 3 standard
library only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from typing import Callable, List

MiB = 1024 * 1024
# Just under the default --max-file-size (10 MiB): "at the default size limit".
LIMIT = 10 * MiB - 4096


@dataclass
class Case:
    name: str
    group: str
    make: Callable[[str], None]  # writes the fixture as DIR/SKILL.md (or more)
    expect: str = "score"
    error_has: str = ""
    profiles: List[str] = field(default_factory=lambda: ["default"])
    args: List[str] = field(default_factory=list)
    # An issue the project knows about (see docs/robustness.md): the test still
    # runs it and reports it, but does not count a failure against the build.
    known_issue: str = ""
    note: str = ""
    # What the AST profile must do, when it differs from `expect`: bodies above
    # 2 MiB are refused by the Markdown AST (a clear per-file error).
    expect_ast: str = ""

    def expectation(self, profile: str) -> str:
        return self.expect_ast if profile == "ast" and self.expect_ast else self.expect


def _write(data, name="SKILL.md"):
    def make(d: str) -> None:
        content = data() if callable(data) else data
        if isinstance(content, str):
            content = content.encode("utf-8", "surrogatepass")
        with open(os.path.join(d, name), "wb") as f:
            f.write(content)
    return make


def _fill(unit: str, total: int = LIMIT, prefix: str = "", suffix: str = "") -> str:
    n = (total - len(prefix.encode()) - len(suffix.encode())) // len(unit.encode())
    return prefix + unit * n + suffix


def _sparse(size: int):
    def make(d: str) -> None:
        with open(os.path.join(d, "SKILL.md"), "wb") as f:
            f.write(b"---\nname: big\n---\n# Big\n")
            f.truncate(size)  # sparse: no 100 MB written to the disk
    return make


FM = "---\nname: hostile\ndescription: Use when testing hostile input before release\n---\n"

BOTH = ["default", "ast"]
AST = ["ast"]
DEFAULT = ["default"]


def _table(cols: int, rows: int, short_rows: bool) -> str:
    head = "|" + "a|" * cols + "\n|" + "-|" * cols + "\n"
    row = "a\n" if short_rows else "|" + "b|" * cols + "\n"
    return FM + "# Table\n\n" + head + row * rows


def _billion_laughs() -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    prev = "a"
    for c in "bcdefghi":
        lines.append(f"{c}: &{c} [" + ",".join(f"*{prev}" for _ in range(9)) + "]")
        prev = c
    return "---\nname: laughs\n" + "\n".join(lines) + "\n---\n# Body\n"


def _benign(total: int) -> str:
    """Ordinary skill Markdown (headings, prose, lists, code, tables, links), repeated."""
    unit = ("## Section\n\nSome prose with *emphasis*, `code`, a [link](references/a.md) and **bold**.\n\n"
            "- item one\n- item two\n  - nested\n\n```python\ndef f(x):\n    return x + 1\n```\n\n"
            "| a | b |\n|---|---|\n| 1 | 2 |\n\n> a quote\n\n")
    return FM + "# Benign\n\n" + unit * ((total - len(FM) - 20) // len(unit))


def _yaml(text: str) -> str:
    return "---\n" + text + "\n---\n# Body\n\nSome text.\n"


CASES: List[Case] = [
    # --- sizes -------------------------------------------------------------
    Case("empty-file", "size", _write(b"")),
    Case("one-byte", "size", _write(b"x")),
    Case("10mb-single-line", "size", _write(lambda: _fill("lorem ipsum dolor ", prefix=FM + "# T\n")),
         profiles=BOTH, expect_ast="either"),
    Case("100mb-over-max-file-size", "size", _sparse(100 * MiB), expect="error", error_has="above the limit",
         note="rejected before it is read"),
    Case("11mb-over-default-limit", "size", _write(lambda: "a" * (11 * MiB)), expect="error", error_has="above the limit"),
    Case("1m-lines", "size", _write(lambda: FM + "line\n" * 1_000_000), profiles=BOTH, expect_ast="either"),
    Case("1m-empty-lines", "size", _write(lambda: FM + "\n" * 1_000_000), profiles=BOTH),
    Case("10mb-newlines", "size", _write(lambda: FM + "\n" * (LIMIT - len(FM))), profiles=BOTH, expect_ast="either"),
    Case("max-file-size-flag-small", "size", _write(FM + "# T\n" + "x" * 5000), expect="error", error_has="above the limit",
         args=["--max-file-size", "1000"]),
    # --- encodings ---------------------------------------------------------
    Case("invalid-utf8", "encoding", _write(b"# T\nbad \xff\xfe byte\n"), expect="error", error_has="UTF-8"),
    Case("overlong-2byte", "encoding", _write(b"# T\n\xc0\xaf\n"), expect="error", error_has="UTF-8"),
    Case("overlong-3byte", "encoding", _write(b"# T\n\xe0\x80\xaf\n"), expect="error", error_has="UTF-8"),
    Case("overlong-nul", "encoding", _write(b"# T\n\xc0\x80\n"), expect="error", error_has="UTF-8"),
    Case("encoded-lone-surrogate", "encoding", _write(b"# T\n\xed\xa0\x80\n"), expect="error", error_has="UTF-8"),
    Case("encoded-surrogate-pair", "encoding", _write(b"# T\n\xed\xa0\xbd\xed\xb8\x80\n"), expect="error",
         error_has="UTF-8"),
    Case("above-u10ffff", "encoding", _write(b"# T\n\xf4\x90\x80\x80\n"), expect="error", error_has="UTF-8"),
    Case("truncated-sequence-at-eof", "encoding", _write(b"# T\n\xe2\x82"), expect="error", error_has="UTF-8"),
    Case("nul-bytes-in-body", "encoding", _write(b"---\nname: n\n---\n# T\x00\n\x00text\x00\n"), profiles=BOTH),
    Case("nul-bytes-in-frontmatter", "encoding", _write(b"---\nname: n\x00\n---\n# T\n"), profiles=BOTH),
    Case("bom", "encoding", _write(b"\xef\xbb\xbf---\nname: bom\n---\n# T\n"), profiles=BOTH),
    Case("bom-only", "encoding", _write(b"\xef\xbb\xbf")),
    Case("crlf", "encoding", _write(b"---\r\nname: crlf\r\n---\r\n# T\r\n\r\n## Overview\r\ntext\r\n"),
         profiles=BOTH),
    Case("lone-cr", "encoding", _write(b"---\rname: cr\r---\r# T\r\r## Overview\rtext\r"), profiles=BOTH),
    Case("mixed-newlines", "encoding", _write(b"---\r\nname: mix\n---\r# T\n\r\n## Overview\r\r\ntext\n\r"),
         profiles=BOTH),
    Case("crlf-10mb", "encoding", _write(lambda: _fill("text\r\n", prefix=FM)), profiles=BOTH, expect_ast="either"),
    Case("lone-cr-10mb", "encoding", _write(lambda: _fill("\r")), profiles=BOTH, expect_ast="either"),
    # --- Markdown (both profiles: the default never builds the AST) ----------
    Case("100k-nested-blockquotes", "markdown", _write(FM + "> " * 100_000 + "a\n"), expect="either", profiles=BOTH),
    Case("100k-nested-blockquotes-nospace", "markdown", _write(FM + ">" * 100_000 + "a\n"), expect="either",
         profiles=BOTH),
    Case("100k-nested-list-items", "markdown", _write(FM + "- " * 100_000 + "x\n"), expect="either", profiles=BOTH),
    Case("100k-nested-ordered-items", "markdown", _write(FM + "1. " * 100_000 + "x\n"), expect="either",
         profiles=BOTH),
    Case("deep-indented-lists", "markdown",
         _write(lambda: FM + "".join("  " * i + "- a\n" for i in range(2000))), expect="either", profiles=BOTH),
    Case("100k-unclosed-fences", "markdown", _write(FM + "```a\n" * 100_000), expect="either", profiles=BOTH),
    Case("100k-growing-fences", "markdown",
         _write(lambda: FM + "".join("`" * (3 + i % 50) + "x\n" for i in range(100_000))), expect="either",
         profiles=BOTH),
    Case("100k-fences-in-blockquotes", "markdown", _write(FM + "> ```\n" * 100_000), expect="either",
         profiles=BOTH),
    Case("200k-small-code-blocks", "markdown", _write(FM + "```\nx\n```\n" * 200_000), expect="either",
         profiles=BOTH, note="was: prose scope is O(lines x code blocks) in src/rules/scope_text.cpp (fixed in a492f81)"),
    Case("90k-small-code-blocks", "markdown", _write(FM + "```\nx\n```\n" * 90_000), expect="either",
         profiles=BOTH, note="the prose scope over 90,000 AST code blocks (under the 1 MiB AST limit)"),
    Case("1mb-open-brackets", "markdown", _write(lambda: FM + "[" * MiB), expect="either", profiles=BOTH),
    Case("1mb-image-openers", "markdown", _write(lambda: FM + "![" * (MiB // 2)), expect="either", profiles=BOTH),
    Case("1mb-html-comment-openers", "markdown", _write(lambda: FM + "<!--" * (MiB // 4)), expect="either",
         profiles=BOTH),
    Case("10mb-open-brackets", "markdown", _write(lambda: _fill("[", prefix=FM)), expect="either", profiles=BOTH),
    Case("table-10000-columns", "markdown", _write(lambda: _table(10_000, 20, False)), expect="either",
         profiles=BOTH),
    Case("table-10000-columns-short-rows", "markdown", _write(lambda: _table(10_000, 10_000, True)),
         expect="either", profiles=BOTH),
    Case("heading-nested-emphasis", "markdown",
         _write(lambda: FM + "# " + "*" * (MiB // 2) + "a" + "*" * (MiB // 2) + "\n"), expect="either",
         profiles=BOTH),
    # --- cmark-gfm 0.29.0.gfm.6 advisories, at the default size limit -------
    Case("cve-2023-22483-empty-lines-in-deep-list", "cve",
         _write(lambda: FM + (lambda n: "- " * n + "x" + "\n" * n)((LIMIT - 200) // 3)), expect="either",
         profiles=BOTH),
    Case("cve-2023-22483-emphasis-389", "cve",
         _write(lambda: FM + (lambda n: "*a " * n + "_a*_ " * n)((LIMIT - 200) // 8)), expect="either",
         profiles=BOTH),
    Case("cve-2023-22484-html-comments", "cve", _write(lambda: _fill("<!--", prefix=FM + "a")), expect="either",
         profiles=BOTH),
    Case("cve-2023-22485-autolink-protocol", "cve", _write(lambda: _fill(":a@b.co xmpp:c@d.org ", prefix=FM)),
         expect="either", profiles=BOTH),
    Case("cve-2023-22486-image-brackets", "cve", _write(lambda: _fill("![[]()", prefix=FM)), expect="either",
         profiles=BOTH),
    Case("cve-2023-24824-emphasis-in-deep-blockquote", "cve",
         _write(lambda: FM + (lambda n: ">" * n + "a*" * n)((LIMIT - 200) // 3)), expect="either", profiles=BOTH),
    Case("cve-2023-24824-empty-lines-list-in-blockquote", "cve",
         _write(lambda: FM + (lambda n: "> " + "- " * n + "x\n" + ">\n" * n)((LIMIT - 200) // 4)),
         expect="either", profiles=BOTH),
    Case("cve-2023-26485-nested-inlines", "cve",
         _write(lambda: FM + (lambda n: "*" * n + "a" + "*" * n)((LIMIT - 200) // 2)), expect="either",
         profiles=BOTH),
    Case("cve-2023-26485-underscores", "cve",
         _write(lambda: FM + (lambda n: "_" * n + "a" + "_" * n)((LIMIT - 200) // 2)), expect="either",
         profiles=BOTH),
    Case("cve-2023-28626-less-than-run", "cve", _write(lambda: _fill("<", prefix=FM)), expect="either",
         profiles=BOTH),
    Case("cve-2023-37463-table-cell-blowup", "cve",
         _write(lambda: FM + (lambda n: "|" + "a|" * n + "\n|" + "-|" * n + "\n" + "a\n" * n)((LIMIT - 200) // 6)),
         expect="either", profiles=BOTH),
]

AST_MAX = MiB - 4096  # just under the largest body the Markdown AST parses (1 MiB)
CASES += [
    Case("cve-2023-22483-empty-lines-in-deep-list-1mb", "cve",
         _write(lambda: FM + (lambda n: "- " * n + "x" + "\n" * n)((AST_MAX - 200) // 3)), expect="either",
         profiles=AST),
    Case("cve-2023-22483-emphasis-389-1mb", "cve",
         _write(lambda: FM + (lambda n: "*a " * n + "_a*_ " * n)((AST_MAX - 200) // 8)), expect="either",
         profiles=AST),
    Case("cve-2023-22484-html-comments-1mb", "cve", _write(lambda: _fill("<!--", AST_MAX, prefix=FM + "a")),
         expect="either", profiles=AST),
    Case("cve-2023-22485-autolink-protocol-1mb", "cve",
         _write(lambda: _fill(":a@b.co xmpp:c@d.org ", AST_MAX, prefix=FM)), expect="either", profiles=AST),
    Case("cve-2023-22486-image-brackets-1mb", "cve", _write(lambda: _fill("![[]()", AST_MAX, prefix=FM)),
         expect="either", profiles=AST),
    Case("cve-2023-24824-emphasis-in-deep-blockquote-1mb", "cve",
         _write(lambda: FM + (lambda n: ">" * n + "a*" * n)((AST_MAX - 200) // 3)), expect="either", profiles=AST),
    Case("cve-2023-24824-empty-lines-list-in-blockquote-1mb", "cve",
         _write(lambda: FM + (lambda n: "> " + "- " * n + "x\n" + ">\n" * n)((AST_MAX - 200) // 4)),
         expect="either", profiles=AST),
    Case("cve-2023-26485-nested-inlines-1mb", "cve",
         _write(lambda: FM + (lambda n: "*" * n + "a" + "*" * n)((AST_MAX - 200) // 2)), expect="either",
         profiles=AST),
    Case("cve-2023-26485-underscores-1mb", "cve",
         _write(lambda: FM + (lambda n: "_" * n + "a" + "_" * n)((AST_MAX - 200) // 2)), expect="either",
         profiles=AST),
    Case("cve-2023-28626-less-than-run-1mb", "cve", _write(lambda: _fill("<", AST_MAX, prefix=FM)),
         expect="either", profiles=AST),
    Case("cve-2023-37463-table-cell-blowup-1mb", "cve",
         _write(lambda: FM + (lambda n: "|" + "a|" * n + "\n|" + "-|" * n + "\n" + "a\n" * n)((AST_MAX - 200) // 6)),
         expect="either", profiles=AST),
    Case("benign-markdown-1mb", "markdown", _write(lambda: _benign(AST_MAX)), profiles=BOTH,
         note="legitimate Markdown at the largest size the AST parses: must score"),
]

CASES += [
    # --- YAML frontmatter --------------------------------------------------
    Case("yaml-billion-laughs", "yaml", _write(_billion_laughs)),
    Case("yaml-10000-deep-flow-seq", "yaml", _write(_yaml("name: x\nk: " + "[" * 10_000 + "]" * 10_000))),
    Case("yaml-10000-deep-flow-map", "yaml", _write(_yaml("name: x\nk: " + "{a: " * 10_000 + "}" * 10_000))),
    Case("yaml-1400-deep-block", "yaml",
         _write(lambda: _yaml("".join(" " * i + "k:\n" for i in range(1_400)) + " " * 1_400 + "v"))),
    Case("yaml-huge-key", "yaml", _write(lambda: _yaml("name: x\n" + "k" * MiB + ": v"))),
    Case("yaml-huge-value", "yaml", _write(lambda: _yaml("name: x\ndescription: " + "word " * (MiB // 5)))),
    Case("yaml-duplicate-keys", "yaml", _write(_yaml("name: a\nname: b\ndescription: x\ndescription: y"))),
    Case("yaml-tab-indent", "yaml", _write(_yaml("name: x\nmetadata:\n\tskill_id: y"))),
    Case("yaml-tab-after-colon", "yaml", _write(_yaml("name:\tx"))),
    Case("yaml-scalar-frontmatter", "yaml", _write(_yaml("just a string"))),
    Case("yaml-list-frontmatter", "yaml", _write(_yaml("- a\n- b"))),
    Case("yaml-null-frontmatter", "yaml", _write(_yaml("~"))),
    Case("yaml-empty-frontmatter", "yaml", _write("---\n---\n# Body\n")),
    Case("yaml-unclosed-frontmatter", "yaml", _write("---\nname: x\n# Body\n")),
    Case("yaml-unclosed-double-quote", "yaml", _write(_yaml('name: "x'))),
    Case("yaml-unclosed-single-quote", "yaml", _write(_yaml("name: 'x"))),
    Case("yaml-unclosed-flow-seq", "yaml", _write(_yaml("name: [a, b"))),
    Case("yaml-unclosed-flow-map", "yaml", _write(_yaml("name: {a: b"))),
    Case("yaml-bad-indentation", "yaml", _write(_yaml("name: x\n  description: y\n bad: z"))),
    Case("yaml-missing-colon-last-line", "yaml", _write(_yaml("name: x\ndescription"))),
    Case("yaml-undefined-alias", "yaml", _write(_yaml("name: *nope"))),
    Case("yaml-recursive-alias", "yaml", _write(_yaml("a: &a\n  b: *a\nname: x"))),
    Case("yaml-recursive-alias-fuzz", "yaml",
         _write(_yaml("defaults: &defaults\n  type: technique\n  weight:: *defaults\n  skill_i:: *defaults\n"
                      "  skill_id.0")), note="found by fuzz_frontmatter: 0.3 s for 95 bytes"),
    Case("yaml-python-tag", "yaml", _write(_yaml("name: !!python/object:os.system x"))),
    Case("yaml-binary-tag", "yaml", _write(_yaml("name: !!binary aGVsbG8="))),
    Case("yaml-unknown-directive", "yaml", _write("---\n%YAML 2.0\n---\nname: x\n---\n# Body\n")),
    Case("yaml-two-documents", "yaml", _write(_yaml("name: x\n...\n---\nname: y"))),
    Case("yaml-bad-escape", "yaml", _write(_yaml('name: "\\q"'))),
    Case("yaml-complex-key", "yaml", _write(_yaml("? [a, b]\n: c\nname: x"))),
    Case("yaml-impossible-date", "yaml", _write(_yaml("name: x\ncreated: 2024-13-01"))),
    Case("yaml-huge-int", "yaml", _write(_yaml("name: x\nversion: " + "9" * 100_000)),
         note="was: decimal conversion is quadratic in src/doc/yaml_resolve.cpp (Python refuses > 4300 digits) (fixed in a492f81)"),
    Case("yaml-huge-hex-int", "yaml", _write(_yaml("name: x\nversion: 0x" + "f" * 100_000)),
         note="was: decimal conversion is quadratic in src/doc/yaml_resolve.cpp (fixed in a492f81)"),
    Case("yaml-huge-sexagesimal", "yaml", _write(_yaml("name: x\nversion: " + "59:" * 30_000 + "59")),
         note="was: sexagesimal sum is quadratic in src/doc/yaml_resolve.cpp (fixed in a492f81)"),
    Case("yaml-5000-digit-int", "yaml", _write(_yaml("name: x\nversion: " + "9" * 5_000))),
    Case("yaml-control-char", "yaml", _write(_yaml("name: x\x07y"))),
    Case("yaml-mapping-values-not-allowed", "yaml", _write(_yaml("name: a: b"))),
    Case("yaml-duplicate-anchor", "yaml", _write(_yaml("a: &x 1\nb: &x 2\nname: *x"))),
    Case("yaml-block-scalar-bad-indent", "yaml", _write(_yaml("name: x\ndescription: |\n    deep\n  shallow"))),
    Case("yaml-unterminated-tag", "yaml", _write(_yaml("name: !<tag:x x"))),
    Case("yaml-bad-unicode-escape", "yaml", _write(_yaml('name: "\\ud800"'))),
    Case("yaml-merge-key-loop", "yaml", _write(_yaml("a: &a\n  <<: *a\nname: x")),
         note="was: stack overflow (SIGSEGV): Converter::add_merge bypasses the depth limit, src/doc/yaml_loader.cpp (fixed in a492f81)"),
    Case("yaml-merge-key-loop-seq", "yaml", _write(_yaml("a: &a\n  <<: [*a]\nname: x")),
         note="was: stack overflow (SIGSEGV): Converter::add_merge bypasses the depth limit, src/doc/yaml_loader.cpp (fixed in a492f81)"),
    Case("yaml-merge-of-scalar", "yaml", _write(_yaml("a: &a 1\nb:\n  <<: *a\nname: x"))),
    Case("yaml-document-end-only", "yaml", _write(_yaml("..."))),
    Case("yaml-lone-comma", "yaml", _write(_yaml(",")),
         note="was: yaml-cpp 0.7.0 LoadAll loops forever (yaml-cpp #1040); fix in src/doc/yaml_loader.cpp (fixed in a492f81)"),
    Case("yaml-comma-after-key", "yaml", _write(_yaml("name: comma\n,")),
         note="was: yaml-cpp 0.7.0 LoadAll loops forever (yaml-cpp #1040); fix in src/doc/yaml_loader.cpp (fixed in a492f81)"),
    Case("yaml-comma-after-document-marker", "yaml", _write("---\nname: x\n--- ,\n---\n# Body\n"),
         profiles=BOTH, note="delimited-lines (AST profile) hands '--- ,' to yaml-cpp, whose LoadAll loops forever"),
    Case("yaml-comma-after-tag", "yaml", _write(_yaml("!t ,")),
         note="yaml-cpp LoadAll loop again: the ',' pre-check of a492f81 does not see it"),
    Case("yaml-comma-after-anchor", "yaml", _write(_yaml("&x ,"))),
    Case("yaml-flow-colon", "yaml", _write(_yaml("{:"))),
    Case("yaml-seq-colon", "yaml", _write(_yaml("[:"))),
    Case("yaml-10000-anchors", "yaml",
         _write(lambda: _yaml("name: x\n" + "".join(f"k{i}: &a{i} v\n" for i in range(10_000))))),
    Case("yaml-100k-aliases", "yaml", _write(lambda: _yaml("a: &a v\nl: [" + ",".join(["*a"] * 100_000) + "]"))),
    # --- the reference's regexes on hostile text (default profile) ----------
    # 1 MiB and 10 MiB of the same text: linear time shows as a ratio of about 10.
    Case("regex-many-open-brackets-1mb", "regex", _write(lambda: _fill("[", MiB, prefix=FM))),
    Case("regex-many-open-brackets", "regex", _write(lambda: _fill("[", prefix=FM))),
    Case("regex-crosses-without-check-1mb", "regex", _write(lambda: _fill("❌ ", MiB, prefix=FM))),
    Case("regex-crosses-without-check", "regex", _write(lambda: _fill("❌ ", prefix=FM))),
    Case("regex-crosses-and-text", "regex", _write(lambda: _fill("❌ bad idea\n", prefix=FM)), profiles=BOTH, expect_ast="either"),
    Case("regex-ellipsis-run-in-code-1mb", "regex",
         _write(lambda: _fill(".", MiB, prefix=FM + "```python\n", suffix="\n```\n"))),
    Case("regex-ellipsis-run-in-code", "regex", _write(lambda: _fill(".", prefix=FM + "```python\n", suffix="\n```\n")),
         profiles=BOTH, expect_ast="either"),
    Case("regex-ellipsis-lines-in-code", "regex",
         _write(lambda: _fill("... x\n", prefix=FM + "```python\n", suffix="```\n")), profiles=BOTH, expect_ast="either"),
    Case("regex-common-mistake-no-pattern", "regex", _write(lambda: _fill("Common mistake ", prefix=FM))),
    Case("regex-hash-runs", "regex", _write(lambda: _fill("### ", prefix=FM))),
    Case("regex-no-without", "regex", _write(lambda: _fill("NO x ", prefix=FM))),
    Case("regex-star-runs", "regex", _write(lambda: _fill("**", prefix=FM))),
    Case("regex-dash-runs", "regex", _write(lambda: _fill("---", prefix="---"))),
    Case("regex-backtick-runs", "regex", _write(lambda: _fill("```", prefix=FM))),
    Case("regex-many-code-blocks", "regex", _write(lambda: _fill("```py\nx\n```\n", prefix=FM))),
    Case("regex-whitespace", "regex", _write(lambda: _fill(" \t\u00a0\u2003", prefix=FM))),
    Case("regex-combining-marks", "regex", _write(lambda: _fill("a\u0301\u0302\u0303", prefix=FM))),
]


def by_name(name: str) -> Case:
    for c in CASES:
        if c.name == name:
            return c
    raise KeyError(name)


def _main(argv: List[str]) -> int:
    """python3 hostile_inputs.py list | make NAME DIR | args NAME"""
    if len(argv) >= 1 and argv[0] == "list":
        for c in CASES:
            print(c.name, c.group, ",".join(c.profiles), c.expect, sep="\t")
        return 0
    if len(argv) == 2 and argv[0] == "args":  # the case's extra command-line arguments, one per line
        for a in by_name(argv[1]).args:
            print(a)
        return 0
    if len(argv) == 3 and argv[0] == "make":
        os.makedirs(argv[2], exist_ok=True)
        by_name(argv[1]).make(argv[2])
        return 0
    print(_main.__doc__)
    return 2


if __name__ == "__main__":
    import sys
    sys.exit(_main(sys.argv[1:]))
