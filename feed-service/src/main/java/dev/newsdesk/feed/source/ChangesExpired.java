package dev.newsdesk.feed.source;

/**
 * article-service answered 410 to the change cursor: changes after it are no longer kept, so the
 * poller rebuilds from the listings. An answer, not a failure: it must not open the breaker.
 */
public class ChangesExpired extends RuntimeException {

    public ChangesExpired() {
        super("The change cursor is older than article-service keeps changes");
    }
}
