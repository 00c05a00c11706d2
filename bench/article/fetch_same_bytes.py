#!/usr/bin/env python3
"""Copies what the service answers at each path (one a line in a file) under the same path in a
directory, for nginx to serve the very same bytes. Keep-alive connections from a few threads.
Usage: fetch_same_bytes.py HOST PORT PATHS_FILE OUT_DIR"""
import http.client
import os
import sys
import threading

host, port, paths_file, out = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
paths = [p.strip() for p in open(paths_file, encoding="utf-8") if p.strip()]


def work(part):
    conn = http.client.HTTPConnection(host, port, timeout=30)
    for path in part:
        conn.request("GET", path)
        r = conn.getresponse()
        body = r.read()
        if r.status != 200:
            raise SystemExit(f"{path}: {r.status}")
        target = os.path.join(out, path.lstrip("/"))
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(body)


threads = [threading.Thread(target=work, args=(paths[i::4],)) for i in range(4)]
for t in threads:
    t.start()
for t in threads:
    t.join()
