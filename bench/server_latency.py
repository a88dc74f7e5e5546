#!/usr/bin/env python3
"""How long `plan-lint server` takes to answer an opened report and a change.

Starts the server over standard input and output (JSON-RPC with
Content-Length framing, as an editor does) in a repository, opens one
report, then sends N full-text changes (alternating the stored text and one
with a replacement, so each is a real change with other findings) and times
each from the moment the change is written to the moment its
publishDiagnostics arrives. Prints, in milliseconds: process start to the
first diagnostics, didOpen to the first diagnostics (the department's record
read and the report checked), optionally the same for a second report of
another department, and the changes' median, 90th percentile and maximum;
then the server's peak resident memory (VmHWM of /proc/<pid>/status, read
before shutdown).

    # the example repository (the default)
    python3 bench/server_latency.py target/release/plan-lint [N]

    # the generator's 10,000-report repository, its synthetic plan, 3 runs
    python3 bench/server_latency.py target/release/plan-lint 50 \\
        --root /tmp/plan-lint-one-report/root-10000 --plan plan \\
        --report progress/2025/eco-env-0001.yaml \\
        --replace 'value: 98' 'value: 90' \\
        --second progress/2025/drc-0002.yaml --runs 3

Paths given with --plan, --config, --report and --second are relative to
--root; the server runs with --root as its working folder and workspace.
"""
import argparse
import json
import os
import statistics
import subprocess
import sys
import time

parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
parser.add_argument("binary")
parser.add_argument("n", nargs="?", type=int, default=200, help="changes (default 200)")
parser.add_argument("--root", default="fixtures/example", help="the repository (workspace root)")
parser.add_argument("--plan", action="append", default=[], help="a plan folder (repeatable): --plan")
parser.add_argument("--config", help="plan-lint.toml: --config")
parser.add_argument("--report", default="progress/2023/eco-env.yaml", help="the report opened")
parser.add_argument("--replace", nargs=2, metavar=("OLD", "NEW"),
                    help="the change: OLD replaced by NEW once (default for the example: "
                         "I14 lowered to 95.1, a binding regression, PL201)")
parser.add_argument("--second", help="a report of another department, opened after the changes")
parser.add_argument("--runs", type=int, default=1, help="start the server this many times")
args = parser.parse_args()

binary = os.path.abspath(args.binary)
root = os.path.abspath(args.root)
at = lambda p: p if os.path.isabs(p) else os.path.join(root, p)
command = [binary]
for p in args.plan:
    command += ["--plan", at(p)]
if args.config:
    command += ["--config", at(args.config)]
command.append("server")
report = at(args.report)
text = open(report, encoding="utf-8").read()
old, new = args.replace or ("value: 97.6", "value: 95.1")
if old not in text:
    sys.exit(f"{old!r} is not in {report}")
changed = text.replace(old, new, 1)


def uri(path):
    return "file://" + path


def run():
    out = {}
    started = time.perf_counter()
    proc = subprocess.Popen(command, cwd=root, stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def send(msg):
        body = json.dumps(msg).encode()
        proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        proc.stdin.flush()

    def receive():
        length = 0
        while True:
            line = proc.stdout.readline()
            if line == b"":
                sys.exit(f"the server stopped (exit {proc.wait()})")
            if line == b"\r\n":
                break
            if line.lower().startswith(b"content-length:"):
                length = int(line.split(b":")[1])
        return json.loads(proc.stdout.read(length))

    def wait_for(pred):
        while True:
            m = receive()
            if m.get("method") == "window/showMessage":
                print("server says:", m["params"]["message"].strip(), file=sys.stderr)
            if pred(m):
                return m

    def diagnostics_of(path, version):
        return wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                        and m["params"]["uri"] == uri(path)
                        and m["params"].get("version") == version)

    def open_doc(path, body):
        t0 = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
              "params": {"textDocument": {"uri": uri(path), "languageId": "yaml",
                                          "version": 1, "text": body}}})
        m = diagnostics_of(path, 1)
        return m, t0

    send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
          "params": {"processId": None, "rootUri": uri(root), "capabilities": {}}})
    wait_for(lambda m: m.get("id") == 1)
    out["initialized"] = (time.perf_counter() - started) * 1000
    send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
    first, t_open = open_doc(report, text)
    now = time.perf_counter()
    out["start"] = (now - started) * 1000
    out["open"] = (now - t_open) * 1000
    out["first findings"] = len(first["params"]["diagnostics"])

    times = []
    findings = {}
    for i in range(args.n):
        body = changed if i % 2 == 0 else text
        t0 = time.perf_counter()
        send({"jsonrpc": "2.0", "method": "textDocument/didChange",
              "params": {"textDocument": {"uri": uri(report), "version": i + 2},
                         "contentChanges": [{"text": body}]}})
        m = diagnostics_of(report, i + 2)
        times.append((time.perf_counter() - t0) * 1000)
        findings[i % 2] = tuple(d["code"] for d in m["params"]["diagnostics"])
    times.sort()
    out["changes"] = times
    out["findings"] = findings

    if args.second:
        second = at(args.second)
        m, t0 = open_doc(second, open(second, encoding="utf-8").read())
        out["second"] = (time.perf_counter() - t0) * 1000
        out["second findings"] = len(m["params"]["diagnostics"])

    with open(f"/proc/{proc.pid}/status") as f:
        status = dict(line.split(":", 1) for line in f if ":" in line)
    out["peak"] = int(status["VmHWM"].split()[0]) / 1024
    out["rss"] = int(status["VmRSS"].split()[0]) / 1024

    send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
    wait_for(lambda m: m.get("id") == 2)
    send({"jsonrpc": "2.0", "method": "exit"})
    proc.wait(timeout=10)
    return out


print(f"server: {' '.join(command)} (in {root})")
print(f"report: {report}; change: {old!r} -> {new!r}")
results = []
for r in range(args.runs):
    out = run()
    results.append(out)
    t = out["changes"]
    n = len(t)
    if r == 0:
        for which, codes in sorted(out["findings"].items()):
            print(("changed text: " if which == 0 else "stored text: ") + (", ".join(codes) or "no finding"))
        if out["findings"].get(0) == out["findings"].get(1):
            print("warning: the change does not change the findings", file=sys.stderr)
    line = (f"run {r + 1}: start to first diagnostics {out['start']:.1f} ms "
            f"(initialize answered at {out['initialized']:.1f} ms); "
            f"didOpen to first diagnostics {out['open']:.1f} ms ({out['first findings']} findings)")
    if "second" in out:
        line += f"; second department's report opened: {out['second']:.1f} ms"
    print(line)
    if n:
        print(f"       {n} changes: median {statistics.median(t):.2f} ms, "
              f"p90 {t[max(int(0.9 * n) - 1, 0)]:.2f} ms, max {t[-1]:.2f} ms; "
              f"peak RSS (VmHWM) {out['peak']:.1f} MB, RSS at the end {out['rss']:.1f} MB")

if args.runs > 1:
    def span(key, f=lambda x: x):
        v = [f(o[key]) for o in results]
        return f"{min(v):.2f}–{max(v):.2f}"
    print(f"over {args.runs} runs: start {span('start')} ms, didOpen {span('open')} ms, "
          + (f"second {span('second')} ms, " if args.second else "")
          + f"change median {span('changes', statistics.median)} ms, "
          f"p90 {span('changes', lambda t: t[max(int(0.9 * len(t)) - 1, 0)])} ms, "
          f"max {span('changes', lambda t: t[-1])} ms, peak RSS {span('peak')} MB")
