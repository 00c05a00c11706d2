-- Each article's public JSON as the API answers it, rendered by the write path in the same
-- transaction as the article (see README "Stored representations"), so a cache miss of
-- GET /api/articles/{id}, of the slug and of the article page is one primary-key read of bytes
-- instead of a jsoup parse and a mapping. fingerprint names what the bytes depend on besides the
-- row (image base URL, signing key, the JSON's shape): a reader that finds another fingerprint
-- renders again and stores the result. Rows stored before this table get theirs on first read.
create table article_json (
    article_id  bigint primary key references article (id) on delete cascade,
    slug        varchar(200) not null,
    version     bigint not null,
    fingerprint varchar(64) not null,
    json        bytea not null
);
