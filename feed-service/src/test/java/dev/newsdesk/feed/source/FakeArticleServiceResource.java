package dev.newsdesk.feed.source;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.Map;

/**
 * Starts {@link FakeArticleService} and {@link FakeHub} before Quarkus and points feed-service
 * at them; tests reach both through the static accessors.
 */
public class FakeArticleServiceResource implements QuarkusTestResourceLifecycleManager {

    private static FakeArticleService articles;
    private static FakeHub hub;

    @Override
    public Map<String, String> start() {
        articles = new FakeArticleService();
        hub = new FakeHub();
        return Map.of("newsdesk.article-service-url", articles.url(), "newsdesk.feeds.hub-url", hub.url());
    }

    @Override
    public void stop() {
        articles.close();
        hub.close();
    }

    public static FakeArticleService articles() {
        return articles;
    }

    public static FakeHub hub() {
        return hub;
    }
}
