package dev.newsdesk.article.webhooks;

/**
 * The body of a delivery (Standard Webhooks: {@code type}, {@code timestamp}, {@code data}): which
 * article changed and how; the receiver fetches the article itself if it wants more.
 */
public record WebhookEvent(String type, String timestamp, Data data) {

    public record Data(long id, String slug, long version, String updatedAt, String url) {}
}
