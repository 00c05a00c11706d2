package dev.newsdesk.feed.render;

import static dev.newsdesk.feed.render.FeedParsers.ATOM;
import static dev.newsdesk.feed.render.FeedParsers.CONTENT;
import static dev.newsdesk.feed.render.FeedParsers.DC;
import static dev.newsdesk.feed.render.FeedParsers.MEDIA;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.rometools.rome.feed.synd.SyndCategory;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import dev.newsdesk.feed.cache.FeedLinks;
import dev.newsdesk.feed.model.Feed;
import dev.newsdesk.feed.model.FeedItem;
import dev.newsdesk.feed.model.FeedKey;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** The three renderers, without Quarkus: every document read back by two independent parsers. */
class RenderersTest {

    static final String TRICKY_TITLE = "Banks & <Brokers>: \"yes\" to 区块链 pilots";
    static final FeedLinks LINKS =
            new FeedLinks("https://feeds.example/", "https://news.example", "https://hub.example/", "newsdesk");

    static FeedItem tricky() {
        return new FeedItem(
                1,
                "Banks & <Brokers>: \"yes\"\u0001 to 区块链\u0008 pilots",
                "https://news.example/articles/banks",
                OffsetDateTime.parse("2024-03-05T09:30:00+08:00"),
                OffsetDateTime.parse("2024-03-06T10:00:00+08:00"),
                "bell\u0007 & ampersand",
                "<p>第一段 &amp; more\u000b</p><p><img src=\"https://img.example/img/x\"></p>",
                List.of("区块链"),
                List.of("金融科技", "R&D <lab>"),
                "示例财经",
                "http://example.com/news/1",
                new FeedItem.Image("https://cdn.example/a_w700h996.jpg", "image/jpeg", 700, 996));
    }

    static FeedItem plain(long id) {
        return new FeedItem(
                id,
                "Article " + id,
                "https://news.example/articles/a" + id,
                OffsetDateTime.parse("2024-03-01T08:00:00Z"),
                null,
                null,
                "<p>body</p>",
                List.of(),
                List.of(),
                null,
                null,
                null);
    }

    static Feed feed(FeedKey key, boolean hasNext, FeedItem... items) {
        return LINKS.feed(key, 1, hasNext, List.of(items));
    }

    @Test
    void rssHasEveryRequiredPartAndReadsBackTheSameWithBothParsers() {
        byte[] bytes = new RssRenderer().render(feed(FeedKey.category("区块链"), true, tricky(), plain(2)));
        FeedParsers.Parsed parsed = FeedParsers.rss(bytes);

        assertEquals(List.of(TRICKY_TITLE, "Article 2"), parsed.titles());
        Element channel = (Element) parsed.dom()
                .getDocumentElement()
                .getElementsByTagName("channel")
                .item(0);
        assertEquals(
                "https://feeds.example/feeds/categories/%E5%8C%BA%E5%9D%97%E9%93%BE/rss.xml",
                FeedParsers.atomLink(channel, "self"));
        assertEquals(
                "https://feeds.example/feeds/categories/%E5%8C%BA%E5%9D%97%E9%93%BE/rss.xml?page=2",
                FeedParsers.atomLink(channel, "next"));
        assertEquals("https://hub.example/", FeedParsers.atomLink(channel, "hub"));
        assertEquals(
                "https://news.example/categories/%E5%8C%BA%E5%9D%97%E9%93%BE", FeedParsers.text(channel, null, "link"));

        Element item = (Element) channel.getElementsByTagName("item").item(0);
        assertEquals("Tue, 05 Mar 2024 09:30:00 +0800", FeedParsers.text(item, null, "pubDate"));
        assertEquals("urn:newsdesk:article:1", FeedParsers.text(item, null, "guid"));
        assertEquals("示例财经", FeedParsers.text(item, DC, "creator"));
        assertEquals(
                "<p>第一段 &amp; more</p><p><img src=\"https://img.example/img/x\"></p>",
                FeedParsers.text(item, CONTENT, "encoded"));
        NodeList categories = item.getElementsByTagName("category");
        assertEquals(
                List.of("区块链", "金融科技", "R&D <lab>"),
                IntStream.range(0, categories.getLength())
                        .mapToObj(i -> categories.item(i).getTextContent())
                        .toList());
        Element media = (Element) item.getElementsByTagNameNS(MEDIA, "content").item(0);
        assertEquals("https://cdn.example/a_w700h996.jpg", media.getAttribute("url"));
        assertEquals("image/jpeg", media.getAttribute("type"));
        assertEquals("700", media.getAttribute("width"));
        assertEquals("996", media.getAttribute("height"));

        SyndEntry entry = parsed.rome().getEntries().get(0);
        assertEquals("urn:newsdesk:article:1", entry.getUri());
        assertEquals("https://news.example/articles/banks", entry.getLink());
        assertEquals(
                List.of("区块链", "金融科技", "R&D <lab>"),
                entry.getCategories().stream().map(SyndCategory::getName).toList());
        assertEquals(
                OffsetDateTime.parse("2024-03-05T09:30:00+08:00").toInstant(),
                entry.getPublishedDate().toInstant());
    }

    @Test
    void titlesAreEscapedExactlyOnceAndControlCharactersAreGone() {
        for (FeedRenderer renderer : FeedRenderer.all()) {
            String raw = new String(renderer.render(feed(FeedKey.HOME, false, tricky())), StandardCharsets.UTF_8);
            assertFalse(
                    raw.contains("Banks &amp;amp;") || raw.contains("&amp;lt;"), renderer.format() + " escapes twice");
            assertFalse(
                    raw.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t'),
                    renderer.format() + " control character");
            assertFalse(
                    raw.contains("\\u0001") || raw.contains("\\u0007") || raw.contains("\\u000b"),
                    "JSON escapes of removed characters");
            if (renderer.format() != FeedFormat.JSON) {
                assertTrue(
                        raw.contains(">Banks &amp; &lt;Brokers&gt;: \"yes\" to 区块链 pilots<")
                                || raw.contains(">Banks &amp; &lt;Brokers&gt;: &quot;yes&quot; to 区块链 pilots<"),
                        raw);
                // The body is HTML carried as text: its own entity is escaped once more, as XML requires.
                assertTrue(raw.contains("第一段 &amp;amp; more"), "HTML entity in content");
            } else {
                assertTrue(raw.contains("\"Banks & <Brokers>: \\\"yes\\\" to 区块链 pilots\""), raw);
            }
        }
    }

    @Test
    void atomHasEveryRequiredPartAndReadsBackTheSameWithBothParsers() {
        byte[] bytes = new AtomRenderer().render(feed(FeedKey.tag("金融科技"), false, tricky(), plain(2)));
        FeedParsers.Parsed parsed = FeedParsers.atom(bytes);

        assertEquals(List.of(TRICKY_TITLE, "Article 2"), parsed.titles());
        Element feed = parsed.dom().getDocumentElement();
        assertEquals(
                "https://feeds.example/feeds/tags/%E9%87%91%E8%9E%8D%E7%A7%91%E6%8A%80/atom.xml",
                FeedParsers.link(feed, "self"));
        assertEquals(
                "https://news.example/tags/%E9%87%91%E8%9E%8D%E7%A7%91%E6%8A%80", FeedParsers.link(feed, "alternate"));
        assertNull(FeedParsers.link(feed, "next"));
        assertEquals("2024-03-06T10:00:00+08:00", FeedParsers.text(feed, ATOM, "updated"));
        Element entry = (Element) feed.getElementsByTagNameNS(ATOM, "entry").item(0);
        assertEquals("2024-03-05T09:30:00+08:00", FeedParsers.text(entry, ATOM, "published"));
        assertEquals("2024-03-06T10:00:00+08:00", FeedParsers.text(entry, ATOM, "updated"));

        SyndFeed rome = parsed.rome();
        SyndEntry first = rome.getEntries().get(0);
        assertEquals("urn:newsdesk:article:1", first.getUri());
        assertEquals("html", first.getContents().get(0).getType());
        assertEquals(
                "<p>第一段 &amp; more</p><p><img src=\"https://img.example/img/x\"></p>",
                first.getContents().get(0).getValue());
        assertEquals("示例财经", first.getAuthors().get(0).getName());
        assertEquals(
                List.of("区块链", "金融科技", "R&D <lab>"),
                first.getCategories().stream().map(SyndCategory::getName).toList());
    }

    @Test
    void jsonFeedIsVersionOneOneAndReadsBackTheSameWithBothParsers() {
        JsonNode json = FeedParsers.json(new JsonFeedRenderer().render(feed(FeedKey.HOME, true, tricky(), plain(2))));

        assertEquals(
                "https://feeds.example/feeds/feed.json", json.get("feed_url").asText());
        assertEquals(
                "https://feeds.example/feeds/feed.json?page=2",
                json.get("next_url").asText());
        assertEquals("WebSub", json.get("hubs").get(0).get("type").asText());
        JsonNode item = json.get("items").get(0);
        assertEquals(TRICKY_TITLE, item.get("title").asText());
        assertEquals("urn:newsdesk:article:1", item.get("id").asText());
        assertEquals("2024-03-05T09:30:00+08:00", item.get("date_published").asText());
        assertEquals("https://cdn.example/a_w700h996.jpg", item.get("image").asText());
        assertEquals("示例财经", item.get("authors").get(0).get("name").asText());
        assertEquals("[\"区块链\",\"金融科技\",\"R&D <lab>\"]", item.get("tags").toString());
    }

    @Test
    void guidsStayTheSameWhenTitleLinkAndDatesChange() {
        FeedItem before = tricky();
        FeedItem after = new FeedItem(
                1,
                "A new title",
                "https://news.example/articles/renamed",
                before.published(),
                OffsetDateTime.parse("2025-01-01T00:00:00Z"),
                null,
                "<p>x</p>",
                List.of(),
                List.of(),
                null,
                null,
                null);
        assertEquals(
                FeedParsers.rss(new RssRenderer().render(feed(FeedKey.HOME, false, before)))
                        .rome()
                        .getEntries()
                        .get(0)
                        .getUri(),
                FeedParsers.rss(new RssRenderer().render(feed(FeedKey.HOME, false, after)))
                        .rome()
                        .getEntries()
                        .get(0)
                        .getUri());
        assertEquals(
                FeedParsers.atom(new AtomRenderer().render(feed(FeedKey.HOME, false, before)))
                        .rome()
                        .getEntries()
                        .get(0)
                        .getUri(),
                FeedParsers.atom(new AtomRenderer().render(feed(FeedKey.HOME, false, after)))
                        .rome()
                        .getEntries()
                        .get(0)
                        .getUri());
    }

    @Test
    void anEmptyFeedIsStillValidEverywhere() {
        FeedParsers.rss(new RssRenderer().render(feed(FeedKey.HOME, false)));
        FeedParsers.atom(new AtomRenderer().render(feed(FeedKey.HOME, false)));
        FeedParsers.json(new JsonFeedRenderer().render(feed(FeedKey.HOME, false)));
    }

    @Test
    void sameFeedRendersToTheSameBytes() {
        for (FeedRenderer renderer : FeedRenderer.all()) {
            assertTrue(
                    Arrays.equals(
                            renderer.render(feed(FeedKey.HOME, false, tricky())),
                            renderer.render(feed(FeedKey.HOME, false, tricky()))),
                    renderer.format().name());
        }
    }

    @Test
    void datesKeepTheirOffsetInBothForms() {
        OffsetDateTime time = OffsetDateTime.parse("2024-03-02T08:00:00.123-05:00");
        assertEquals("Sat, 02 Mar 2024 08:00:00 -0500", FeedDates.rfc822(time));
        assertEquals("2024-03-02T08:00:00-05:00", FeedDates.rfc3339(time));
        assertEquals("2024-03-02T13:00:00Z", FeedDates.rfc3339(time.withOffsetSameInstant(ZoneOffset.UTC)));
    }
}
