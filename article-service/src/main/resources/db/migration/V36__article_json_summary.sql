-- Each article's listing item (the summary JSON of GET /api/articles), rendered by the write path
-- beside its full JSON: what another article's page shows of it (its related articles) is then a
-- read of a small column, not of the whole article. Null in rows written before this column; a
-- reader renders those again.
alter table article_json add column summary bytea;
