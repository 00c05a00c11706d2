#!/usr/bin/env python3
"""Generated Chinese news posts for the archive-scale bench, as Jekyll-post zips.

Usage: gen_archive.py FIRST COUNT OUT.zip       posts FIRST..FIRST+COUNT-1
       gen_archive.py --queries N                 N distinct 2-4 character queries, one a line

Deterministic per post number (post i is the same in every run and every batch), so batches can
be written in parallel. Text is shaped like a news archive rather than like lorem ipsum: a
vocabulary of 8,000 two- to four-character words built from 600 common characters, drawn with a
Zipf law (a few words in almost every article, most in few), about 1,500 characters of body in
6-10 paragraphs, titles of 12-24 characters, 8 categories (12.5% each), one of 6 broad tags and
one of 400 narrow ones per post.
"""
import bisect
import random
import sys
import zipfile

CHARS = (
    "的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动同工也能下过子说产种面而方后多定行学法所民得经"
    "十三之进着等部度家电力里如水化高自二理起小物现实加量都两体制机当使点从业本去把性好应开它合还因由其些然前外天政四日那社义事平形相全表"
    "间样与关各重新线内数正心反你明看原又么利比或但质气第向道命此变条只没结解问意建月公无系军很情者最立代想已通并提直题党程展五果料象员革"
    "位入常文总次品式活设及管特件长求老头基资边流路级少图山统接知较将组见计别她手角期根论运农指几九区强放决西被干做必战先回则任取据处队南"
    "给色光门即保治北造百规热领七海口东导器压志世金增争济阶油思术极交受联什认六共权收证改清己美再采转更单风切打白教速花带安场身车例真务具"
    "万每目至达走积示议声报斗完类八离华名确才科张信马节话米整空元况今集温传土许步群广石记需段研界拉林律叫且究观越织装影算低持音众书布复容"
    "儿须际商非验连断深难近矿千周委素技备半办青省列习响约支般史感劳便团往酸历市克何除消构府称太准精值号率族维划选标写存候毛亲快效斯院查江"
    "型眼王按格养易置派层片始却专状育厂京识适属圆包火住调满县局照参红细引听该铁价严龙飞"
)
VOCAB_SIZE = 8000
CATEGORIES = ["caijing", "keji", "guoji", "shehui", "tiyu", "wenhua", "jiankang", "difang"]
BROAD_TAGS = ["要闻", "深度", "快讯", "评论", "数据", "图解"]


def vocabulary():
    rng = random.Random(20261205)
    words, seen = [], set()
    while len(words) < VOCAB_SIZE:
        n = rng.choice((2, 2, 2, 2, 3, 3, 4))
        w = "".join(rng.choice(CHARS) for _ in range(n))
        if w not in seen:
            seen.add(w)
            words.append(w)
    return words


WORDS = vocabulary()
# Zipf (s = 1): cumulative weights for bisect-based draws.
CUMULATIVE = []
_total = 0.0
for _rank in range(1, VOCAB_SIZE + 1):
    _total += 1.0 / _rank
    CUMULATIVE.append(_total)


def word(rng):
    return WORDS[bisect.bisect_left(CUMULATIVE, rng.random() * _total)]


def sentence(rng):
    return "".join(word(rng) for _ in range(rng.randint(6, 18))) + rng.choice("，。；？！。。")


def post(i):
    rng = random.Random(i * 7919 + 17)
    title = ""
    while len(title) < rng.randint(12, 24):
        title += word(rng)
    paragraphs = []
    length = 0
    target = rng.randint(900, 2200)
    while length < target or len(paragraphs) < 6:
        p = "".join(sentence(rng) for _ in range(rng.randint(3, 7)))
        paragraphs.append(p)
        length += len(p)
    body = "\n".join(f"<p>{p}</p>" for p in paragraphs)
    gallery = "".join(
        f'<center><img src="https://dfscdn.dfcfw.com/download/SCALE{i:07d}{k}_w700h{900 + rng.randrange(600)}.jpg" width="580" /></center>'
        for k in range(rng.randint(0, 3)))
    # spread over about six years, newest last, with a little jitter
    minute = i * 3 + rng.randrange(3)
    year, rest = divmod(minute, 525600 // 1)
    day, rest = divmod(rest, 1440)
    hh, mm = divmod(rest, 60)
    month, dom = divmod(day % 336, 28)
    return f"""---
layout: post
title: "{title}"
date: {2018 + year}-{month + 1:02d}-{dom + 1:02d} {hh:02d}:{mm:02d}:{i % 60:02d} +0800
categories: {CATEGORIES[i % len(CATEGORIES)]}
tags: [{BROAD_TAGS[i % len(BROAD_TAGS)]}, 话题{rng.randrange(400)}]
---
{body}
{gallery}<p class="em_media">（文章来源：{rng.choice(["规模财经", "规模日报", "规模通讯社"])}）</p>

<http://scale.example.com/a/{i}>
"""


def queries(n):
    """Distinct words drawn uniformly over the vocabulary's ranks: the long tail of what readers
    type, with a few common words among them; about 40% two characters, the rest 3-4."""
    rng = random.Random(7)
    by_len = {k: [w for w in WORDS if len(w) == k] for k in (2, 3, 4)}
    out, seen = [], set()
    while len(out) < n:
        k = rng.choice((2, 2, 3, 4, 4)) if len(out) % 5 else 2
        w = rng.choice(by_len[k])
        if w not in seen:
            seen.add(w)
            out.append(w)
    return out


def main():
    if sys.argv[1] == "--queries":
        print("\n".join(queries(int(sys.argv[2]))))
        return
    first, count, out = int(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as z:
        for i in range(first, first + count):
            z.writestr(f"_posts/scale-{i:07d}.md", post(i))


if __name__ == "__main__":
    main()
