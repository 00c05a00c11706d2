-- Cache coherence across replicas (issue 13): every change-log row also notifies channel
-- article_change, so each article-service replica listening there evicts what it cached of that
-- article. NOTIFY is transactional: the message is delivered at commit and never for a rolled-back
-- write, so a replica cannot evict too early and then cache the old row again. The payload is
-- "id:version:deleted:slug" (deleted is t or f; the slug last, as it is free text): a replica
-- keeps a cached copy that is already as new, and forgets the slug of a deleted article.
create function article_change_notify() returns trigger language plpgsql as $$
begin
    perform pg_notify('article_change', new.article_id || ':' || new.version || ':' || new.deleted || ':' || new.slug);
    return null;
end;
$$;

create trigger article_change_notify after insert on article_change
    for each row execute function article_change_notify();
