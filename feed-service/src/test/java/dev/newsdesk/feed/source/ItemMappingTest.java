package dev.newsdesk.feed.source;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.newsdesk.feed.model.FeedItem;
import java.util.List;
import org.junit.jupiter.api.Test;

class ItemMappingTest {

    final ItemMapping mapping = new ItemMapping("https://news.example/", "https://img.example");

    static Article article(String body, Article.LeadImage lead) {
        return new Article(
                7,
                "区块链-pilot",
                "T\u0001itle",
                "2024-03-05T09:30:00+08:00",
                null,
                List.of("区块链"),
                List.of(),
                new Article.Source("示例财经", "/sources/x"),
                "sum",
                body,
                List.of(),
                lead,
                2L);
    }

    @Test
    void everyUrlInTheBodyBecomesAbsolute() {
        FeedItem item = mapping.item(article(
                "<p><img src=\"/img/unsafe/w:700/abc\" srcset=\"/img/a 1x, /img/b 2x\">"
                        + "<a href=\"/articles/other\">o</a><a href=\"https://elsewhere.example/x\">e</a><a href=\"#top\">t</a></p>",
                null));
        assertEquals(
                "<p><img src=\"https://img.example/img/unsafe/w:700/abc\" srcset=\"https://img.example/img/a 1x, "
                        + "https://img.example/img/b 2x\"><a href=\"https://news.example/articles/other\">o</a>"
                        + "<a href=\"https://elsewhere.example/x\">e</a><a href=\"#top\">t</a></p>",
                item.contentHtml());
    }

    @Test
    void aPictureBecomesItsJpegImgSoFeedsStayJpeg() {
        FeedItem item = mapping.item(article(
                "<p><picture><source type=\"image/avif\" srcset=\"/img/unsafe/w:360/f:avif/x 360w\">"
                        + "<source type=\"image/webp\" srcset=\"/img/unsafe/w:360/f:webp/x 360w\">"
                        + "<img src=\"/img/unsafe/w:700/f:jpeg/x\" srcset=\"/img/unsafe/w:360/f:jpeg/x 360w\"></picture></p>",
                null));
        assertEquals(
                "<p><img src=\"https://img.example/img/unsafe/w:700/f:jpeg/x\" srcset=\"https://img.example/img/unsafe/w:360/f:jpeg/x 360w\"></p>",
                item.contentHtml());
    }

    @Test
    void linkTitleDatesSourceAndLeadImage() {
        FeedItem item = mapping.item(article(
                "<p>x</p>",
                new Article.LeadImage(
                        "https://cdn.example/D1_w1400h1992.PNG",
                        1400,
                        1992,
                        "/img/sig/w:720/f:jpeg/aHR0cHM6Ly9jZG4uZXhhbXBsZS9EMV93MTQwMGgxOTkyLlBORw")));
        assertEquals("https://news.example/articles/%E5%8C%BA%E5%9D%97%E9%93%BE-pilot", item.url());
        assertEquals("Title", item.title());
        assertEquals(item.published(), item.updated());
        assertEquals("https://news.example/sources/x", item.sourceUrl());
        assertEquals(
                new FeedItem.Image(
                        "https://img.example/img/sig/w:720/f:jpeg/aHR0cHM6Ly9jZG4uZXhhbXBsZS9EMV93MTQwMGgxOTkyLlBORw",
                        "image/jpeg",
                        720,
                        1024),
                item.image());
        assertEquals("<p>x</p>", item.contentHtml());
    }

    @Test
    void aLeadImageWithoutAnImageServiceUrlIsNoThumbnailRatherThanTheOrigin() {
        assertNull(
                mapping.item(article("<p>x</p>", new Article.LeadImage("https://cdn.example/D1.jpg", 700, 996, null)))
                        .image());
    }

    @Test
    void noImageNoLeadImage() {
        assertNull(mapping.item(article("<p>x</p>", null)).image());
    }
}
