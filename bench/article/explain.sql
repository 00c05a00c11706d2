-- The listing reads as store/ListingSql and store/SitemapStore write them, under EXPLAIN ANALYZE
-- (scale.sh prints each plan's first node, its index and the execution time). Needs V31.
\echo '-- tag 要闻, newest 21'
explain (analyze, costs off) select k.article_id from article_tag k join article a on a.id = k.article_id
  where true and k.name = '要闻' order by k.published_at desc, k.article_id desc limit 21;
\echo '-- category caijing, newest 21 (also the related articles of an article page: limit 4)'
explain (analyze, costs off) select k.article_id from article_category k join article a on a.id = k.article_id
  where true and k.name = 'caijing' order by k.published_at desc, k.article_id desc limit 21;
\echo '-- category keji and tag 深度, newest 21'
explain (analyze, costs off) select k.article_id from article_category k join article a on a.id = k.article_id
  where true and k.name = 'keji'
  and exists (select 1 from article_tag t where t.article_id = a.id and t.name = '深度')
  order by k.published_at desc, k.article_id desc limit 21;
\echo '-- source 规模日报 from 2019-01-01 to 2019-06-30, newest 21'
explain (analyze, costs off) select a.id from article a where true and a.source_name = '规模日报'
  and a.published_at >= '2019-01-01' and a.published_at <= '2019-06-30'
  order by a.published_at desc, a.id desc limit 21;
\echo '-- sitemap index'
explain (analyze, costs off) select p, (select max(a.updated_at) from article a where (a.id - 1) / 10000 = p and true)
  from generate_series(0, (select (max(id) - 1) / 10000 from article)) p order by p;
