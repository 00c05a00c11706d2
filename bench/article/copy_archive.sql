-- Grows the archive by copies of the articles imported so far (psql -v copies=K): copy k of an
-- article has a new id (slug and import key made unique by it, as a later size copies copies)
-- and is published k times the imported span earlier, with the same text, categories and tags.
-- Far faster than importing on a shared 2-core machine; the reads measured (indexes, ranking,
-- pages) cost the same for a copy as for an import.
-- Rows are copied with "select *" and only these columns change.
-- The three tables' secondary indexes are dropped for the copy and built again after it, as a
-- restore does, rather than grown row by row.
set maintenance_work_mem = '1GB';
create temp table rebuilt as
    select i.indexname, i.indexdef from pg_indexes i
    where i.schemaname = current_schema() and i.tablename in ('article', 'article_category', 'article_tag')
      and not exists (select 1 from pg_constraint c where c.conname = i.indexname);
do $$ declare r record; begin
    for r in select indexname from rebuilt loop execute format('drop index %I', r.indexname); end loop;
end $$;
create temp table span as
    select max(published_at) - min(published_at) + interval '1 hour' as d, max(id) as top from article;
create temp table c as select a.*, k from article a, generate_series(1, :copies) k;
update c set id = id + k * (select top from span),
             slug = slug || '-c' || (id + k * (select top from span)),
             import_key = import_key || '#' || (id + k * (select top from span)),
             published_at = published_at - k * (select d from span);
alter table c drop column k;
insert into article select * from c;
drop table c;
insert into article_category (article_id, position, name)
    select g.article_id + k * (select top from span), g.position, g.name
    from article_category g, generate_series(1, :copies) k where g.article_id <= (select top from span);
insert into article_tag (article_id, position, name)
    select g.article_id + k * (select top from span), g.position, g.name
    from article_tag g, generate_series(1, :copies) k where g.article_id <= (select top from span);
-- Each copy's stored JSON (article_json: the write path stores it for every article it writes):
-- the original's with the copy's id, slug and publication time, so that a copy is read the way a
-- written article is (one primary-key read of stored bytes), not rendered on its first read.
create function pg_temp.rfc3339(t timestamptz, off integer) returns text language sql immutable as $$
    select to_char((t at time zone 'UTC') + make_interval(secs => off), 'YYYY-MM-DD"T"HH24:MI:SS')
        || case when off = 0 then 'Z'
                else (case when off < 0 then '-' else '+' end) || lpad((abs(off) / 3600)::text, 2, '0')
                     || ':' || lpad((abs(off) % 3600 / 60)::text, 2, '0') end
$$;
create function pg_temp.copied(doc bytea, id bigint, slug text, published text) returns bytea
    language sql immutable as $$
    select convert_to(regexp_replace(regexp_replace(convert_from(doc, 'UTF8'),
        '^\{"id":[0-9]+,"slug":"[^"]*"', '{"id":' || id || ',"slug":"' || slug || '"'),
        '"publishedAt":"[^"]*"', '"publishedAt":"' || published || '"'), 'UTF8')
$$;
insert into article_json (article_id, slug, version, fingerprint, json, summary)
    select c.id, c.slug, j.version, j.fingerprint,
           pg_temp.copied(j.json, c.id, c.slug, pg_temp.rfc3339(c.published_at, c.published_offset)),
           case when j.summary is not null
                then pg_temp.copied(j.summary, c.id, c.slug, pg_temp.rfc3339(c.published_at, c.published_offset)) end
    from article_json j
    join article a on a.id = j.article_id and a.version = j.version
    cross join generate_series(1, :copies) k
    join article c on c.id = j.article_id + k * (select top from span)
    where j.article_id <= (select top from span);
select setval('article_seq', (select max(id) from article) + 1000);
do $$ declare r record; begin
    for r in select indexdef from rebuilt loop execute r.indexdef; end loop;
end $$;
