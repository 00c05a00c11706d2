-- Placeholders of gallery images (colour + ThumbHash, measured by image-service), kept on the
-- article they belong to: their arrival is a write of that article (new version, change entry).
-- image_placeholders is a JSON object {original URL: {color, thumbhash}}; placeholders_pending
-- says a gallery image still lacks one, so the filler looks at pending rows only.
alter table article add column image_placeholders text not null default '{}';
alter table article add column placeholders_pending boolean not null default false;
update article set placeholders_pending = true where images <> '[]';
create index article_placeholders_pending on article (id) where placeholders_pending;

-- When the filler may try an article again after a failure (image-service or origin down):
-- backoff that survives a restart. A row exists only while an article keeps failing.
create table image_measurement (
    article_id      bigint primary key references article (id) on delete cascade,
    attempts        integer not null,
    next_attempt_at timestamp with time zone not null
);
