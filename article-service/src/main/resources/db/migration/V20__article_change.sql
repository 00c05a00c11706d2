-- The change feed (GET /api/changes, issue 11): one row per committed create, update, delete or
-- import write, in commit order. seq is handed out by article_change_counter, whose single row
-- each writing transaction updates last, just before it commits: the row lock makes writers take
-- their numbers one after another and hold them until their commit, so numbers are assigned in
-- commit order and a reader that sees seq n has already been able to see every seq below n.
create table article_change (
    seq         bigint primary key,
    article_id  bigint not null,
    slug        varchar(200) not null,
    version     bigint not null,
    updated_at  timestamp with time zone not null,
    deleted     boolean not null,
    recorded_at timestamp with time zone not null
);
create index article_change_article on article_change (article_id, seq);

-- last_seq: the last number handed out; purged_through: the highest seq of a tombstone removed
-- by retention. A cursor below it may have missed a deletion and gets 410.
create table article_change_counter (
    id             integer primary key,
    last_seq       bigint not null,
    purged_through bigint not null
);

-- Articles stored before the change feed existed: one change each, so following the feed from
-- its start yields every article.
insert into article_change (seq, article_id, slug, version, updated_at, deleted, recorded_at)
select row_number() over (order by updated_at, id), id, slug, version, updated_at, false, current_timestamp
from article;

insert into article_change_counter (id, last_seq, purged_through)
select 1, count(*), 0 from article;
