#!/usr/bin/env python3
"""Loads posts FIRST..FIRST+COUNT-1 of gen_archive.py into article-service through its zip import
endpoint (POST /api/import, the service's real write path: parse, sanitize, store, change log),
in batches of BATCH posts, two batches in flight (one generating while the other imports).

Usage: load_archive.py BASE_URL TOKEN FIRST COUNT [BATCH]
Prints created/updated/rejected totals and posts per second."""
import json
import os
import sys
import tempfile
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from multiprocessing import Pool

import gen_archive


def make(args):
    first, count, path = args
    import zipfile
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for i in range(first, first + count):
            z.writestr(f"_posts/scale-{i:07d}.md", gen_archive.post(i))
    return path


def upload(base, token, path):
    with open(path, "rb") as f:
        data = f.read()
    os.unlink(path)
    req = urllib.request.Request(base + "/api/import", data=data, method="POST", headers={
        "Authorization": "Bearer " + token, "Content-Type": "application/zip"})
    with urllib.request.urlopen(req, timeout=900) as r:
        return json.load(r)


def main():
    base, token, first, count = sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4])
    batch = int(sys.argv[5]) if len(sys.argv) > 5 else 2000
    tmp = tempfile.mkdtemp(prefix="newsdesk-load-")
    jobs = [(s, min(batch, first + count - s), os.path.join(tmp, f"{s}.zip"))
            for s in range(first, first + count, batch)]
    totals = {"created": 0, "updated": 0, "rejected": 0}
    start = time.time()
    with Pool(1) as gen, ThreadPoolExecutor(2) as up:
        futures = [up.submit(upload, base, token, path) for path in gen.imap(make, jobs)]
        for fut in futures:
            report = fut.result()
            totals["created"] += report.get("created", 0)
            totals["updated"] += report.get("updated", 0)
            totals["rejected"] += len(report.get("rejected", []))
    took = time.time() - start
    os.rmdir(tmp)
    print(f"loaded {count} posts in {took:.0f} s ({count / took:.0f} posts/s): {totals}")


if __name__ == "__main__":
    main()
