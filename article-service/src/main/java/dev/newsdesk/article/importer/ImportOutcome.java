package dev.newsdesk.article.importer;

/** One post written: created or updated (unchanged content counts as updated), and which article. */
public record ImportOutcome(boolean created, long id, String slug) {}
