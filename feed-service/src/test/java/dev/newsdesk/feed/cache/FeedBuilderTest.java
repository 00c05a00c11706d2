package dev.newsdesk.feed.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.feed.model.FeedItem;
import dev.newsdesk.feed.model.FeedKey;
import dev.newsdesk.feed.render.FeedFormat;
import dev.newsdesk.feed.render.FeedParsers;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class FeedBuilderTest {

    final FeedBuilder builder =
            new FeedBuilder(new FeedLinks("http://feeds.test", "http://news.test", null, "newsdesk"), 5, 2);

    static List<FeedItem> items(long count) {
        return LongStream.rangeClosed(1, count)
                .mapToObj(id -> new FeedItem(
                        id,
                        "Article " + id,
                        "http://news.test/articles/a" + id,
                        OffsetDateTime.parse("2024-03-01T08:00:00Z").minusDays(id),
                        null,
                        null,
                        "<p>x</p>",
                        List.of(),
                        List.of(),
                        null,
                        null,
                        null))
                .toList();
    }

    @Test
    void pagesHoldPageSizeItemsAndOnlyKeptPagesLinkOn() {
        BuiltFeed feed = builder.build(FeedKey.HOME, "f", items(12), null);
        assertEquals(
                List.of("Article 1", "Article 2", "Article 3", "Article 4", "Article 5"),
                FeedParsers.rss(feed.page(FeedFormat.RSS, 1).bytes()).titles());
        assertEquals(
                List.of("Article 6", "Article 7", "Article 8", "Article 9", "Article 10"),
                FeedParsers.atom(feed.page(FeedFormat.ATOM, 2).bytes()).titles());
        assertNull(feed.page(FeedFormat.JSON, 3), "only two pages are kept");
        assertEquals(
                "http://feeds.test/feeds/feed.json?page=2",
                FeedParsers.json(feed.page(FeedFormat.JSON, 1).bytes())
                        .get("next_url")
                        .asText());
        assertTrue(FeedParsers.json(feed.page(FeedFormat.JSON, 2).bytes()).get("next_url") == null);
    }

    @Test
    void anEmptyFeedHasOnePage() {
        BuiltFeed feed = builder.build(FeedKey.HOME, "f", List.of(), null);
        assertEquals(
                List.of(), FeedParsers.rss(feed.page(FeedFormat.RSS, 1).bytes()).titles());
        assertNull(feed.page(FeedFormat.RSS, 2));
    }

    @Test
    void lastModifiedIsTheNewestItemsUpdateWhateverWasBuiltBefore() {
        // items(3)'s newest item was updated at 2024-02-29T08:00:00Z: a replica building the
        // same items, at any time and after any history, gives the same validators
        BuiltFeed one = builder.build(FeedKey.HOME, "f", items(3), null);
        BuiltFeed other = builder.build(FeedKey.HOME, "f", items(3), Instant.parse("2020-01-01T00:00:00Z"));
        assertEquals(
                Instant.parse("2024-02-29T08:00:00Z"),
                one.page(FeedFormat.RSS, 1).lastModified());
        assertEquals(
                one.page(FeedFormat.RSS, 1).lastModifiedHeader(),
                other.page(FeedFormat.RSS, 1).lastModifiedHeader());
        assertEquals(
                one.page(FeedFormat.RSS, 1).etag(),
                other.page(FeedFormat.RSS, 1).etag());
    }

    @Test
    void aLaterDeletionMovesLastModifiedForwardAlthoughNoItemIsNewer() {
        Instant deleted = Instant.parse("2030-01-01T00:00:00Z");
        BuiltFeed after = builder.build(FeedKey.HOME, "g", items(3).subList(1, 3), deleted);
        assertEquals(deleted, after.page(FeedFormat.ATOM, 1).lastModified());
    }
}
