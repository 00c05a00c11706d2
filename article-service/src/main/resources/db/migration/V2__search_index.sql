-- Trigram index for q: LIKE '%…%' on search_text uses it for patterns of 3+ characters, CJK
-- included (the server's UTF-8 ctype classifies CJK as letters); shorter patterns are answered
-- by a scan with the same LIKE, so both paths give the same rows.
create extension if not exists pg_trgm;
create index article_search_trgm on article using gin (search_text gin_trgm_ops);
