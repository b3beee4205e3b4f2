#!/usr/bin/env python3
"""`skillscore lsp` driven by a scripted client over stdio: the lifecycle,
JSON-RPC errors for malformed input, diagnostics equal to what `check` reports
for the same file and configuration, code actions that apply the fixes, hover
with the rule's documentation, and nothing on stdout but framed messages."""
import argparse
import json
import os
import queue
import shutil
import subprocess
import sys
import tempfile
import threading

sys.path.insert(0, os.path.dirname(__file__))
from common import check, finish, run  # noqa: E402

TIMEOUT = 30  # seconds: only a guard against a hung server, never part of a verdict


SKILL = """---
name: other-name
description: Use when checking that an editor shows skillscore's findings.
version: 1.0
---

# Demo  

## Overview
A body.
"""


class Client:
    def __init__(self, bin_, cwd):
        self.proc = subprocess.Popen([bin_, "lsp", "--stdio"], cwd=cwd, stdin=subprocess.PIPE,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        self.messages = queue.Queue()
        self.stray = []  # bytes on stdout that are not a framed message
        self.next_id = 0
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self):
        out = self.proc.stdout
        while True:
            header = b""
            while not header.endswith(b"\r\n\r\n"):
                c = out.read(1)
                if not c:
                    if header:
                        self.stray.append(header)
                    self.messages.put(None)
                    return
                header += c
            lines = header.decode("ascii", "replace").split("\r\n")
            if not lines[0].startswith("Content-Length: ") or lines[1:] != ["", ""]:
                self.stray.append(header)
                self.messages.put(None)
                return
            body = out.read(int(lines[0][len("Content-Length: "):]))
            try:
                self.messages.put(json.loads(body))
            except ValueError:
                self.stray.append(body)

    def send_raw(self, data):
        self.proc.stdin.write(data)
        self.proc.stdin.flush()

    def send(self, msg):
        body = json.dumps(msg).encode()
        self.send_raw(b"Content-Length: %d\r\n\r\n" % len(body) + body)

    def notify(self, method, params):
        self.send({"jsonrpc": "2.0", "method": method, "params": params})

    def request(self, method, params=None):
        self.next_id += 1
        msg = {"jsonrpc": "2.0", "id": self.next_id, "method": method}
        if params is not None:
            msg["params"] = params
        self.send(msg)
        return self.next_id

    def receive(self):
        return self.messages.get(timeout=TIMEOUT)

    def until_response(self, id_):
        """The response to `id_`, and the notifications that came before it."""
        notes = []
        while True:
            m = self.receive()
            if m is None:
                return None, notes
            if m.get("id") == id_ and "method" not in m:
                return m, notes
            notes.append(m)

    def call(self, method, params=None):
        return self.until_response(self.request(method, params))

    def published(self, uri):
        """The next publishDiagnostics for `uri` (other messages are dropped)."""
        while True:
            m = self.receive()
            if m is None:
                return None
            if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri:
                return m["params"]

    def finish(self):
        self.proc.stdin.close()
        code = self.proc.wait(timeout=TIMEOUT)
        return code, self.proc.stderr.read().decode("utf-8", "replace")


def offset_of(text, pos):
    """A UTF-16 LSP position as an index into a Python string (the test's texts are BMP only)."""
    lines = text.split("\n")
    return sum(len(l) + 1 for l in lines[:pos["line"]]) + pos["character"]


def apply_edit(text, edit, uri):
    for e in sorted(edit["changes"][uri], key=lambda e: offset_of(text, e["range"]["start"]), reverse=True):
        a, b = offset_of(text, e["range"]["start"]), offset_of(text, e["range"]["end"])
        text = text[:a] + e["newText"] + text[b:]
    return text


def session(bin_, tmp):
    skill_dir = os.path.join(tmp, "demo-skill")
    os.makedirs(skill_dir)
    path = os.path.join(skill_dir, "SKILL.md")
    with open(path, "w") as f:
        f.write(SKILL)
    with open(os.path.join(tmp, ".skillscore.yaml"), "w") as f:
        f.write("profile: strict\n")
    uri = "file://" + path.replace(" ", "%20")
    c = Client(bin_, tmp)

    r, _ = c.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check(r and r["error"]["code"] == -32002, "a request before initialize: ServerNotInitialized")
    r, _ = c.call("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
    caps = r["result"]["capabilities"] if r and "result" in r else {}
    check(caps.get("textDocumentSync", {}).get("change") == 1 and caps.get("hoverProvider") is True
          and "quickfix" in caps.get("codeActionProvider", {}).get("codeActionKinds", []),
          "initialize: full sync, hover and quick fixes announced")
    c.notify("initialized", {})

    # Malformed input: errors, never a crash.
    c.send_raw(b"Content-Length: 9\r\n\r\n{not json")
    m = c.receive()
    check(m and m.get("id") is None and m["error"]["code"] == -32700, "a body that is not JSON: ParseError")
    c.send_raw(b"X-Nothing: 1\r\n\r\n")
    m = c.receive()
    check(m and m["error"]["code"] == -32700, "a header without Content-Length: ParseError, and the stream goes on")
    c.send({"jsonrpc": "2.0", "id": 99, "method": 42})
    m = c.receive()
    check(m and m.get("id") == 99 and m["error"]["code"] == -32600, "a method that is not a string: InvalidRequest")
    c.send([1, 2])
    m = c.receive()
    check(m and m["error"]["code"] == -32600, "a message that is not an object: InvalidRequest")
    c.send_raw(b"Content-Length: 200000\r\n\r\n" + b"[" * 100000 + b"]" * 100000)
    m = c.receive()
    check(m and m["error"]["code"] == -32700, "JSON nested 100,000 deep: ParseError, no stack overflow")
    c.send_raw(b"Content-Length: 100000000\r\n\r\n" + b" " * 1000)
    c.send_raw(b" " * (100000000 - 1000))
    m = c.receive()
    check(m and m["error"]["code"] == -32700 and "limit" in m["error"]["message"],
          "a body above the limit: ParseError, and its bytes are skipped")
    r, _ = c.call("workspace/unknownThing", {})
    check(r and r["error"]["code"] == -32601, "an unknown request: MethodNotFound")
    c.notify("custom/unknownNotification", {})
    r, _ = c.call("textDocument/hover", {"textDocument": {"uri": uri}})
    check(r and r["error"]["code"] == -32602, "hover without a position: InvalidParams")

    # Diagnostics on open: what `check` says of the same file with the same configuration.
    c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1, "text": SKILL}})
    pub = c.published(uri)
    diags = pub["diagnostics"] if pub else []
    cli = json.loads(run([bin_, "check", path, "--format", "json"], cwd=tmp).stdout)
    cli_issues = cli["assessments"][0]["issues"]
    check([(d["code"], d["range"]["start"]["line"] + 1) for d in diags] ==
          [(i["rule"], max(i["line"] or 1, 1)) for i in cli_issues] and diags,
          "didOpen: the same rules on the same lines as `skillscore check` (strict, from .skillscore.yaml)")
    check(pub and pub.get("version") == 1, "diagnostics carry the document's version")
    by_code = {d["code"]: d for d in diags}
    as017 = by_code.get("AS017")
    check(as017 is not None and as017["severity"] == 1 and as017["range"]["start"]["line"] == 1
          and as017["codeDescription"]["href"].endswith("#as017") and as017["source"] == "skillscore",
          "AS017: error severity, line of `name`, a link to the rule's doc")
    check("AS005" in by_code and by_code["AS005"]["range"]["start"]["line"] == 3, "AS005 at the unknown field's line")
    sev = {d["code"]: d["severity"] for d in diags}
    cli_sev = {i["rule"]: {"error": 1, "warning": 2, "info": 3}[i["severity"]] for i in cli_issues}
    check(sev == cli_sev, "severities mapped to LSP's 1/2/3")

    # Hover: the rule's documentation, on the diagnostic's line.
    r, _ = c.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 1, "character": 3}})
    value = r["result"]["contents"]["value"] if r and r.get("result") else ""
    check(r and r["result"]["contents"]["kind"] == "markdown" and "AS017" in value and "NFKC" in value
          and "FX006" in value, "hover on `name`: AS017's doc and its automatic fix, in Markdown")
    r, _ = c.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 9, "character": 0}})
    check(r and r.get("result") is None and "error" not in r, "hover where nothing is reported: null")

    # Code actions: each fix as a WorkspaceEdit; applying them clears what they resolve.
    r, _ = c.call("textDocument/codeAction", {"textDocument": {"uri": uri},
                                              "range": as017["range"] if as017 else {},
                                              "context": {"diagnostics": diags}})
    actions = r["result"] if r and "result" in r else []
    titles = {a["title"]: a for a in actions}
    name_fix = next((a for a in actions if "FX006" in a["title"]), None)
    check(name_fix is not None and name_fix["kind"] == "quickfix"
          and [d["code"] for d in name_fix.get("diagnostics", [])] == ["AS017"],
          "a quick fix for AS017 (FX006), linked to its diagnostic")
    fixed = apply_edit(SKILL, name_fix["edit"], uri) if name_fix else SKILL
    check(fixed == SKILL.replace("name: other-name", "name: demo-skill"), "FX006's edit sets the name, nothing else")
    all_fix = next((a for a in actions if a["kind"] == "source.fixAll.skillscore"), None)
    check(all_fix is not None and any("FX005" in t for t in titles) and any("FX002" in t for t in titles),
          "actions for FX005 and FX002, and one that applies every fix")
    everything = apply_edit(SKILL, all_fix["edit"], uri) if all_fix else SKILL
    r, _ = c.call("textDocument/codeAction", {"textDocument": {"uri": uri}, "range": as017["range"] if as017 else {},
                                              "context": {"diagnostics": [], "only": ["source.fixAll"]}})
    check(r and [a["kind"] for a in r["result"]] == ["source.fixAll.skillscore"], "context.only filters the kinds")

    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 2}, "contentChanges": [{"text": everything}]})
    pub = c.published(uri)
    codes = [d["code"] for d in pub["diagnostics"]] if pub else ["?"]
    check(pub and pub["version"] == 2 and "AS017" not in codes and "AS005" not in codes,
          "didChange with every fix applied: AS005 and AS017 are gone")
    # An incremental change (a client may send one whatever was announced).
    c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": 3}, "contentChanges": [
        {"range": {"start": {"line": 1, "character": 6}, "end": {"line": 1, "character": 16}}, "text": "wrong-name"}]})
    pub = c.published(uri)
    check(pub and "AS017" in [d["code"] for d in pub["diagnostics"]], "an incremental change is applied")
    c.notify("textDocument/didSave", {"textDocument": {"uri": uri}, "text": everything})
    pub = c.published(uri)
    check(pub and "AS017" not in [d["code"] for d in pub["diagnostics"]], "didSave with text: diagnostics again")

    # Only skill files are assessed.
    other = "file://" + os.path.join(tmp, "README.md")
    c.notify("textDocument/didOpen", {"textDocument": {"uri": other, "languageId": "markdown", "version": 1, "text": "# x\n"}})
    r, notes = c.call("textDocument/codeAction", {"textDocument": {"uri": other}, "range": {
        "start": {"line": 0, "character": 0}, "end": {"line": 0, "character": 0}}, "context": {"diagnostics": []}})
    check(r and r["result"] == [] and not [n for n in notes if n.get("method") == "textDocument/publishDiagnostics"],
          "README.md: no diagnostics, no actions")

    c.notify("textDocument/didClose", {"textDocument": {"uri": uri}})
    pub = c.published(uri)
    check(pub is not None and pub["diagnostics"] == [], "didClose clears the diagnostics")

    r, _ = c.call("shutdown")
    check(r and "result" in r and r["result"] is None, "shutdown: null")
    r, _ = c.call("textDocument/hover", {"textDocument": {"uri": uri}, "position": {"line": 0, "character": 0}})
    check(r and r["error"]["code"] == -32600, "a request after shutdown: InvalidRequest")
    c.notify("exit", None)
    code, stderr = c.finish()
    check(code == 0, f"exit after shutdown: status 0 (got {code})")
    check(not c.stray, "stdout holds framed messages only")

    # exit without shutdown: status 1.
    c = Client(bin_, tmp)
    c.call("initialize", {"capabilities": {}})
    c.notify("exit", None)
    code, _ = c.finish()
    check(code == 1, "exit without shutdown: status 1")
    # The input ends mid-message: the server ends, it does not hang or crash.
    c = Client(bin_, tmp)
    c.send_raw(b"Content-Length: 100\r\n\r\n{\"jsonrpc\"")
    code, _ = c.finish()
    check(code == 1, "input cut mid-message: ends with status 1")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--bin", required=True)
    args = ap.parse_args()
    tmp = tempfile.mkdtemp(prefix="skillscore-lsp-")
    try:
        session(os.path.abspath(args.bin), tmp)
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return finish("lsp")


if __name__ == "__main__":
    sys.exit(main())
