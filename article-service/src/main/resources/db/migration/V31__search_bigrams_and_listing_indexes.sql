-- Search and listings as index reads at archive scale.
--
-- 1. q: every two adjacent characters of search_text (character bigrams) as the lexemes of a
--    tsvector, with a GIN index. A text contains the query only if it holds every bigram of the
--    query, so "all the query's bigrams" finds every match (recall is complete) in the index,
--    for 2 characters and up, where a trigram index cannot serve a 2-character query; the exact
--    substring test then keeps only true matches. The service computes the vector when it writes
--    an article (SearchGrams: cheap in Java); article_bigrams is the same definition in SQL, used
--    here for the rows already stored and by the tests that compare the two.
create function article_bigrams(t text) returns tsvector
    language sql immutable strict parallel safe as $$
    select array_to_tsvector(array(
        select m[1] from regexp_matches(t, '(..)', 'g') m
        union all
        select m[1] from regexp_matches(substr(t, 2), '(..)', 'g') m))
$$;

alter table article add column search_grams tsvector;
update article set search_grams = article_bigrams(search_text);
alter table article alter column search_grams set not null;
create index article_search_grams on article using gin (search_grams);

-- 2. Listings by category and tag, newest first, read top-N from an index: the article's
--    published_at is copied into its category and tag rows (kept by the triggers below, so the
--    ORM's collection writes need not know), and (name, published_at desc, article_id desc) is
--    the listing's order and keyset.
alter table article_category add column published_at timestamp with time zone;
alter table article_tag add column published_at timestamp with time zone;
update article_category c set published_at = a.published_at from article a where a.id = c.article_id;
update article_tag t set published_at = a.published_at from article a where a.id = t.article_id;
alter table article_category alter column published_at set not null;
alter table article_tag alter column published_at set not null;
drop index article_category_name;
drop index article_tag_name;
create index article_category_newest on article_category (name, published_at desc, article_id desc);
create index article_tag_newest on article_tag (name, published_at desc, article_id desc);

create function article_name_published_at() returns trigger language plpgsql as $$
begin
    select published_at into new.published_at from article where id = new.article_id;
    return new;
end;
$$;
create trigger article_category_published_at before insert or update on article_category
    for each row execute function article_name_published_at();
create trigger article_tag_published_at before insert or update on article_tag
    for each row execute function article_name_published_at();

create function article_published_at_moved() returns trigger language plpgsql as $$
begin
    update article_category set published_at = new.published_at where article_id = new.id;
    update article_tag set published_at = new.published_at where article_id = new.id;
    return null;
end;
$$;
create trigger article_published_at_moved after update of published_at on article
    for each row when (old.published_at is distinct from new.published_at)
    execute function article_published_at_moved();

-- 3. Listings by source, newest first.
create index article_source_newest on article (source_name, published_at desc, id desc);

-- 4. Sitemap pages are id ranges of 10,000 (SitemapStore.PAGE_SIZE; change both together): the
--    index answers each page's newest change with one probe, not a scan of the archive.
create index article_sitemap_page on article (((id - 1) / 10000), updated_at desc);
