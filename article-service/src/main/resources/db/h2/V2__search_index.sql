-- H2 has no trigram index and cannot index a text (CLOB) column: q is the same LIKE as on
-- PostgreSQL, answered by a scan, which the embedded database's sizes allow. This script keeps
-- both databases at the same schema version.
create index article_updated on article (updated_at);
