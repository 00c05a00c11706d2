package dev.newsdesk.feed.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsdesk.feed.cache.BuiltFeed;
import dev.newsdesk.feed.render.FeedFormat;
import dev.newsdesk.feed.render.FeedParsers;
import dev.newsdesk.feed.source.Article;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What bench/feed times is a real 50-item feed in every format, read back by independent
 * parsers (Rome and the JDK's DOM, Jackson); the timing itself is bench/feed's business.
 */
class ColdFeedBuildTest {

    @Test
    void theHarnessBuildsAFullFiftyItemFeed() {
        List<Article> articles = ColdFeedBuild.articles(50);
        BuiltFeed feed = ColdFeedBuild.build(articles);

        List<String> rss = FeedParsers.rss(feed.page(FeedFormat.RSS, 1).bytes()).titles();
        assertEquals(articles.stream().map(Article::title).toList(), rss, "all 50, newest first");
        assertEquals(
                rss, FeedParsers.atom(feed.page(FeedFormat.ATOM, 1).bytes()).titles());
        assertEquals(
                50,
                FeedParsers.json(feed.page(FeedFormat.JSON, 1).bytes())
                        .get("items")
                        .size());
    }
}
