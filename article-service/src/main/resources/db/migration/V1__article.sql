-- Articles and their names. published_at is the instant; published_offset keeps the offset the
-- source wrote (seconds east of UTC), which "timestamp with time zone" does not store.
create sequence article_seq start with 1 increment by 50;

create table article (
    id               bigint primary key,
    slug             varchar(200) not null unique,
    -- the import identity (see README): re-importing the same post finds the same row
    import_key       varchar(700) unique,
    content_hash     varchar(64),
    title            varchar(500) not null,
    published_at     timestamp with time zone not null,
    published_offset integer not null,
    updated_at       timestamp with time zone not null,
    summary          varchar(400) not null,
    body_html        text not null,
    images           text not null,
    source_name      varchar(200),
    source_url       varchar(2000),
    -- lower-cased title and plain body text, the haystack of q
    search_text      text not null,
    version          bigint not null
);

-- Newest first with a stable tie-breaker: the order of every listing and of the keyset cursor.
create index article_newest on article (published_at desc, id desc);

create table article_category (
    article_id bigint not null references article (id) on delete cascade,
    position   integer not null,
    name       varchar(100) not null,
    primary key (article_id, position)
);
create index article_category_name on article_category (name);

create table article_tag (
    article_id bigint not null references article (id) on delete cascade,
    position   integer not null,
    name       varchar(100) not null,
    primary key (article_id, position)
);
create index article_tag_name on article_tag (name);
