#!/usr/bin/env python3
"""Writes a zip of N generated Jekyll posts shaped like the sources' (front matter, HTML
paragraphs, a CDN gallery, attribution, original link, navigation). Deterministic: the same N
gives the same zip, so runs compare."""
import random
import sys
import zipfile

WORDS = "市场 资金 政策 企业 投资 增长 数据 银行 消费 出口 产业 科技 能源 地产 债券 利率 价格 风险 监管 改革".split()


def sentence(rng, n):
    return "".join(rng.choice(WORDS) for _ in range(n)) + rng.choice("，。；") + "".join(rng.choice(WORDS) for _ in range(n)) + "。"


def post(i, rng):
    day = 1 + i % 28
    paragraphs = "\n ".join("<p>" + sentence(rng, 12) + sentence(rng, 10) + "</p>" for _ in range(5))
    gallery = "".join(
        '<center><img src="https://dfscdn.dfcfw.com/download/BENCH%06d%02d_w700h%d.jpg" width="580" style="border:1px solid" /></center>'
        % (i, k, 900 + rng.randrange(900)) for k in range(4))
    return f"""---
layout: post
title: "压测文章{i}：{rng.choice(WORDS)}{rng.choice(WORDS)}观察"
date: 2023-{1 + i % 12:02d}-{day:02d} {i % 24:02d}:{i % 60:02d}:{(i * 7) % 60:02d} +0800
categories: bench{i % 5}
tags: 压测{i % 7}
---
{paragraphs}
 <p align="center">图表如下：</p>{gallery}<p class="em_media">（文章来源：压测财经）</p>

<http://bench.example.com/share/{i}>

[返回压测](//bench.example.com/c.html)｜[返回首页](//bench.example.com/)
"""


def main():
    n, out = int(sys.argv[1]), sys.argv[2]
    first = int(sys.argv[3]) if len(sys.argv) > 3 else 0
    rng = random.Random(42 + first)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        for i in range(first, first + n):
            z.writestr(f"_posts/bench-{i:05d}.md", post(i, rng))


if __name__ == "__main__":
    main()
