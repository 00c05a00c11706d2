#!/usr/bin/env python3
"""The archive-scale bench's single-request measurements against article-service.

probe.py search BASE LIMIT QUERIES_FILE   each query asked once (GET /api/articles?q=&limit=LIMIT;
                                            a distinct limit per size keeps any cache cold):
                                            prints median and p95 ms, and the mean hits on page 1
probe.py first BASE PATH...               one GET of each path, its time in ms
probe.py dump BASE PATHS_FILE DIR [SUFFIX] saves each path's body under DIR (for nginx)
"""
import http.client
import json
import os
import statistics
import sys
import time
import urllib.parse


def conn(base):
    u = urllib.parse.urlparse(base)
    return http.client.HTTPConnection(u.hostname, u.port, timeout=60)


def get(c, path):
    start = time.perf_counter()
    c.request("GET", path)
    r = c.getresponse()
    body = r.read()
    return r.status, body, (time.perf_counter() - start) * 1000


def main():
    cmd, base = sys.argv[1], sys.argv[2]
    c = conn(base)
    if cmd == "search":
        limit, queries = sys.argv[3], open(sys.argv[4], encoding="utf-8").read().split()
        times, hits = [], []
        for q in queries:
            status, body, ms = get(c, f"/api/articles?limit={limit}&q={urllib.parse.quote(q)}")
            if status != 200:
                raise SystemExit(f"search {q}: HTTP {status}: {body[:200]!r}")
            times.append(ms)
            hits.append(len(json.loads(body)["items"]))
        times.sort()
        p95 = times[int(round(0.95 * len(times))) - 1]
        print(f"median {statistics.median(times):.1f} ms, p95 {p95:.1f} ms, max {times[-1]:.1f} ms "
              f"over {len(times)} queries (mean {statistics.mean(hits):.1f} items on page 1)")
    elif cmd == "first":
        for path in sys.argv[3:]:
            status, _, ms = get(c, path)
            print(f"{ms:8.1f} ms  HTTP {status}  {urllib.parse.unquote(path)}")
    elif cmd == "dump":
        paths, out, suffix = sys.argv[3], sys.argv[4], sys.argv[5] if len(sys.argv) > 5 else ""
        for p in open(paths).read().split():
            status, body, _ = get(c, p)
            target = os.path.join(out, p.lstrip("/") + suffix)
            os.makedirs(os.path.dirname(target), exist_ok=True)
            with open(target, "wb") as f:
                f.write(body)


if __name__ == "__main__":
    main()
