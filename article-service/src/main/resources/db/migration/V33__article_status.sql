-- Drafts and scheduled publishing. draft: an editor keeps the article to themselves. visible: the
-- public sees it (not a draft, and its publication instant has come). visible is stored rather
-- than computed from now() so that every public read filters on one column, and so that the
-- instant an article becomes public is a write: the scheduler flips it, bumps the version and
-- records a change, which enters the change feed and the webhook outbox in commit order.
alter table article add column draft boolean not null default false;
alter table article add column visible boolean not null default true;
update article set visible = false where published_at > now();
-- What the scheduler looks for, a handful of rows at any time.
create index article_scheduled on article (published_at) where not visible and not draft;

-- The event a change is for the public: article.published, article.updated or article.deleted
-- (an article leaving the public, deleted or made a draft again, is a deletion to them); null
-- for a change the public never sees (a draft or a scheduled article written). The change feed
-- lists only rows with an event; the rest exist so every replica's caches still hear of them.
alter table article_change add column public_event varchar(40);
update article_change set public_event = case when deleted then 'article.deleted' else 'article.updated' end;
update article_change c set public_event = null
where exists (select 1 from article a where a.id = c.article_id and not a.visible);
