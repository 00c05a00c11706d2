package dev.newsdesk.article.changes;

/**
 * The listener was disconnected and has just reconnected: notifications sent meanwhile are lost,
 * so caches drop everything rather than wait for their TTLs.
 */
public record ChangesMissed() {}
