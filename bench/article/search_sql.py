#!/usr/bin/env python3
"""Prints the SQL of the ranked search (as store/ListingSql writes it, first page of 20) for each
query on stdin, under EXPLAIN ANALYZE: scale.sh pipes it to psql and takes each execution time,
the database's share of a search without the machine's scheduling in it."""
import sys

RANK = ("(case when strpos(left(a.search_text, length(a.title)), {n}) > 0 then 3 else 0 end"
        " + ln(1 + cast(length(a.search_text) - length(replace(a.search_text, {n}, '')) as float8)"
        " / length({n})) / ln(cast(2 as float8))"
        " + cast(extract(epoch from a.published_at) as float8) / 2592000)")


def lit(s):
    return "'" + s.replace("'", "''") + "'"


for q in sys.stdin.read().split():
    grams = sorted({q[i:i + 2] for i in range(len(q) - 1)})
    tsq = lit(" & ".join(lit(g) for g in grams))
    n = lit(q.lower())
    print(f"explain (analyze, costs off) select r.id, r.rank from (select a.id, a.published_at, {RANK.format(n=n)} as rank"
          f" from article a where true and a.search_grams @@ cast({tsq} as tsquery) and strpos(a.search_text, {n}) > 0) r"
          f" order by r.rank desc, r.published_at desc, r.id desc limit 21;")
