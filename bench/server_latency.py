#!/usr/bin/env python3
"""How long `plan-lint server` takes to answer one change of a report.

Starts the server over standard input and output (JSON-RPC with
Content-Length framing, as an editor does), opens one report of the example
repository, then sends N full-text changes (alternating two texts so each is
a real change) and times each from the moment the change is written to the
moment its publishDiagnostics arrives. Prints the startup time, the median,
the 90th percentile and the maximum in milliseconds.

    python3 bench/server_latency.py target/release/plan-lint [N]
"""
import json
import os
import statistics
import subprocess
import sys
import time

binary = sys.argv[1]
n = int(sys.argv[2]) if len(sys.argv) > 2 else 200
root = os.path.abspath("fixtures/example")
report = os.path.join(root, "progress/2023/eco-env.yaml")
uri = "file://" + report
text = open(report, encoding="utf-8").read()
changed = text.replace("value: 97.6", "value: 95.1", 1)  # a binding regression: PL201

proc = subprocess.Popen([binary, "server"], stdin=subprocess.PIPE, stdout=subprocess.PIPE)


def send(msg):
    body = json.dumps(msg).encode()
    proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
    proc.stdin.flush()


def receive():
    length = 0
    while True:
        line = proc.stdout.readline()
        if line in (b"\r\n", b""):
            break
        if line.lower().startswith(b"content-length:"):
            length = int(line.split(b":")[1])
    return json.loads(proc.stdout.read(length))


def wait_for(pred):
    while True:
        m = receive()
        if pred(m):
            return m


started = time.perf_counter()
send({"jsonrpc": "2.0", "id": 1, "method": "initialize",
      "params": {"processId": None, "rootUri": "file://" + root, "capabilities": {}}})
wait_for(lambda m: m.get("id") == 1)
send({"jsonrpc": "2.0", "method": "initialized", "params": {}})
send({"jsonrpc": "2.0", "method": "textDocument/didOpen",
      "params": {"textDocument": {"uri": uri, "languageId": "yaml", "version": 1, "text": text}}})
first = wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics")
startup = (time.perf_counter() - started) * 1000

times = []
findings = set()
for i in range(n):
    body = changed if i % 2 == 0 else text
    t0 = time.perf_counter()
    send({"jsonrpc": "2.0", "method": "textDocument/didChange",
          "params": {"textDocument": {"uri": uri, "version": i + 2},
                     "contentChanges": [{"text": body}]}})
    m = wait_for(lambda m: m.get("method") == "textDocument/publishDiagnostics"
                 and m["params"].get("version") == i + 2)
    times.append((time.perf_counter() - t0) * 1000)
    findings.add((i % 2, tuple(d["code"] for d in m["params"]["diagnostics"])))

send({"jsonrpc": "2.0", "id": 2, "method": "shutdown"})
wait_for(lambda m: m.get("id") == 2)
send({"jsonrpc": "2.0", "method": "exit"})
proc.wait(timeout=10)

times.sort()
for which, codes in sorted(findings):
    print(("changed text: " if which == 0 else "stored text: ") + (", ".join(codes) or "no finding"))
print(f"reports kept: example repository ({root})")
print(f"startup to first diagnostics: {startup:.1f} ms ({len(first['params']['diagnostics'])} findings)")
print(f"one change, {n} changes: median {statistics.median(times):.2f} ms, "
      f"p90 {times[int(0.9 * n) - 1]:.2f} ms, max {times[-1]:.2f} ms")
