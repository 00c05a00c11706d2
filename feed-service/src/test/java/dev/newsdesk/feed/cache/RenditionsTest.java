package dev.newsdesk.feed.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.feed.model.FeedItem;
import dev.newsdesk.feed.model.FeedKey;
import dev.newsdesk.feed.render.FeedFormat;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Documents are rendered when first asked for, held within a byte bound, and re-rendered alike. */
class RenditionsTest {

    final FeedLinks links = new FeedLinks("http://feeds.test", "http://news.test", null, "newsdesk");

    @Test
    void aBuildRendersNothingUntilADocumentIsAskedFor() {
        Renditions renditions = new Renditions(1 << 20);
        BuiltFeed feed =
                new FeedBuilder(links, 5, 2, renditions).build(FeedKey.HOME, "f", FeedBuilderTest.items(8), null);

        assertEquals(0, renditions.bytes());
        assertNull(feed.rendered(FeedFormat.RSS, 1));

        Rendition rss = feed.page(FeedFormat.RSS, 1);
        assertSame(rss, feed.rendered(FeedFormat.RSS, 1), "rendered once, then answered from what is held");
        assertSame(rss, feed.page(FeedFormat.RSS, 1));
        assertNull(feed.rendered(FeedFormat.ATOM, 1), "other formats and pages wait for their own readers");
        assertNull(feed.rendered(FeedFormat.RSS, 2));
        assertEquals(rss.weight(), renditions.bytes());
    }

    @Test
    void theDocumentsHeldStayUnderTheBoundAndALetGoOneComesBackByteForByte() {
        Rendition sample = new FeedBuilder(links, 5, 1)
                .build(FeedKey.tag("t0"), "f", FeedBuilderTest.items(5), null)
                .page(FeedFormat.RSS, 1);
        long bound = 4L * sample.weight();
        Renditions renditions = new Renditions(bound);
        FeedBuilder builder = new FeedBuilder(links, 5, 1, renditions);

        List<BuiltFeed> feeds = new ArrayList<>();
        for (int tag = 0; tag < 40; tag++) {
            BuiltFeed feed = builder.build(FeedKey.tag("t" + tag), "f", FeedBuilderTest.items(5), null);
            feed.page(FeedFormat.RSS, 1);
            feeds.add(feed);
        }
        renditions.cleanUp();
        assertTrue(renditions.bytes() <= bound, renditions.bytes() + " bytes held, bound " + bound);

        int tag = 0;
        while (feeds.get(tag).rendered(FeedFormat.RSS, 1) != null) {
            tag++; // the bound holds four of the forty: most were let go
        }
        Rendition again = feeds.get(tag).page(FeedFormat.RSS, 1);
        Rendition elsewhere = new FeedBuilder(links, 5, 1)
                .build(FeedKey.tag("t" + tag), "f", FeedBuilderTest.items(5), null)
                .page(FeedFormat.RSS, 1);
        assertNotNull(again);
        assertEquals(
                elsewhere.etag(), again.etag(), "the same items render the same bytes, on any replica, at any time");
    }

    @Test
    void firstPageChangesWithWhatPageOneShowsAndOnlyWithThat() {
        FeedBuilder builder = new FeedBuilder(links, 5, 2);
        List<FeedItem> items = FeedBuilderTest.items(12);
        String before = builder.build(FeedKey.HOME, "a", items, null).firstPage();

        List<FeedItem> olderEdited = new ArrayList<>(items);
        olderEdited.set(7, edited(items.get(7)));
        assertEquals(before, builder.build(FeedKey.HOME, "b", olderEdited, null).firstPage(), "page 2 only");

        List<FeedItem> newestEdited = new ArrayList<>(items);
        newestEdited.set(0, edited(items.getFirst()));
        assertNotEquals(
                before, builder.build(FeedKey.HOME, "c", newestEdited, null).firstPage());

        assertNotEquals(
                before,
                builder.build(FeedKey.HOME, "d", items.subList(0, 5), null).firstPage(),
                "page 1 no longer links to a page 2");
    }

    private static FeedItem edited(FeedItem item) {
        return new FeedItem(
                item.id(),
                item.title() + " (edited)",
                item.url(),
                item.published(),
                item.published().plusHours(1),
                item.summary(),
                item.contentHtml(),
                item.categories(),
                item.tags(),
                item.sourceName(),
                item.sourceUrl(),
                item.image());
    }
}
