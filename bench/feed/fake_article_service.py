#!/usr/bin/env python3
"""A stand-in for article-service's read API for the feed benchmark: 60 generated articles
shaped like the imported posts (Chinese text, a gallery of image-service URLs), served on
127.0.0.1 only. Usage: fake_article_service.py PORT"""
import json
import sys
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlparse

ARTICLES = []
for i in range(1, 61):
    body = "".join(
        f"<p>第{p + 1}段：区块链试点扩大到十个城市，金融科技企业 &amp; 银行参与，监管沙盒持续推进。Mixed script paragraph {i}.</p>"
        for p in range(6))
    body += "".join(
        f'<p><img src="/img/unsafe/w:700/aHR0cHM6Ly9kZnNjZG4{i}{g}" width="700" height="996" loading="lazy"></p>'
        for g in range(3))
    published = f"2024-03-{(60 - i) // 24 + 1:02d}T{(60 - i) % 24:02d}:30:00+08:00"
    lead = {"url": f"https://dfscdn.dfcfw.com/download/D25000000000000{i:03d}_w700h996.jpg", "width": 700, "height": 996}
    ARTICLES.append({
        "id": i, "slug": f"article-{i}", "version": 1, "title": f"示例：区块链试点扩大到十个城市 & <更多> {i}",
        "publishedAt": published, "updatedAt": published, "categories": ["区块链"], "tags": ["金融科技"],
        "source": {"name": "示例财经", "url": f"http://example.com/news/{i}"}, "summary": "区块链试点扩大到十个城市的摘要。",
        "bodyHtml": body, "images": [lead], "leadImage": lead,
    })
ARTICLES.sort(key=lambda a: a["publishedAt"], reverse=True)


class Handler(BaseHTTPRequestHandler):
    def do_GET(self):
        url = urlparse(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/api/articles":
            items = [a for a in ARTICLES
                     if ("category" not in query or query["category"] in a["categories"])
                     and ("tag" not in query or query["tag"] in a["tags"])]
            start = int(query.get("cursor", "0"))
            limit = int(query.get("limit", "20"))
            page = [{k: v for k, v in a.items() if k != "bodyHtml"} for a in items[start:start + limit]]
            more = start + limit < len(items)
            self.send({"items": page, "nextCursor": str(start + limit) if more else None})
        elif url.path.startswith("/api/articles/"):
            wanted = int(url.path.rsplit("/", 1)[1])
            found = [a for a in ARTICLES if a["id"] == wanted]
            self.send(found[0] if found else {"status": 404}, 200 if found else 404)
        elif url.path in ("/api/categories", "/api/tags"):
            self.send([{"name": "区块链" if url.path.endswith("categories") else "金融科技", "count": len(ARTICLES)}])
        else:
            self.send({"status": 404}, 404)

    def send(self, body, status=200):
        data = json.dumps(body, ensure_ascii=False).encode("utf-8")
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


if __name__ == "__main__":
    ThreadingHTTPServer(("127.0.0.1", int(sys.argv[1])), Handler).serve_forever()
