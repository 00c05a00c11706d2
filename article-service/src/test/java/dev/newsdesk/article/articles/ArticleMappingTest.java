package dev.newsdesk.article.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import dev.newsdesk.article.content.BodyCleaner.CleanBody;
import dev.newsdesk.article.content.Source;
import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.store.ArticleEntity;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleMappingTest {

    private static final ArticleDraft DRAFT = new ArticleDraft(
            "区块链试点 Expands", OffsetDateTime.parse("2024-03-05T09:30:00+08:00"), List.of("区块链"), List.of("金融科技"));

    private static CleanBody body(List<GalleryImage> images) {
        return new CleanBody("<p>正文。</p>", images, Source.NONE, "正文 TEXT。");
    }

    @Test
    void writesTheDraftTheBodyAndTheSource() {
        ArticleEntity e = new ArticleEntity();
        e.categories.add("old");
        ArticleMapping.apply(e, DRAFT, body(List.of()), new Source("示例财经", "http://example.com/1"));
        assertEquals("区块链试点 Expands", e.title);
        assertEquals(OffsetDateTime.parse("2024-03-05T09:30:00+08:00"), e.published());
        assertEquals(8 * 3600, e.publishedOffset, "the offset is kept beside the instant");
        assertEquals(List.of("区块链"), e.categories, "replaced, not added to");
        assertEquals(List.of("金融科技"), e.tags);
        assertEquals("<p>正文。</p>", e.bodyHtml);
        assertEquals("示例财经", e.sourceName);
        assertEquals("http://example.com/1", e.sourceUrl);
        assertEquals("正文 TEXT。", e.summary);
        assertEquals("区块链试点 expands\n正文 text。", e.searchText, "title and text, lower-cased for LIKE");
        assertEquals("[]", e.images);
    }

    @Test
    void galleryColumnIsTheJsonArrayOfUrlWidthHeight() {
        ArticleEntity e = new ArticleEntity();
        ArticleMapping.apply(
                e,
                DRAFT,
                body(List.of(
                        new GalleryImage("https://cdn.example/a_w700h996.jpg", 700, 996),
                        new GalleryImage("https://cdn.example/b.jpg?q=\"x\"\\", null, null))),
                Source.NONE);
        assertEquals(
                "[{\"url\":\"https://cdn.example/a_w700h996.jpg\",\"width\":700,\"height\":996},"
                        + "{\"url\":\"https://cdn.example/b.jpg?q=\\\"x\\\"\\\\\",\"width\":null,\"height\":null}]",
                e.images);
        assertEquals(
                List.of(
                        new GalleryImage("https://cdn.example/a_w700h996.jpg", 700, 996),
                        new GalleryImage("https://cdn.example/b.jpg?q=\"x\"\\", null, null)),
                GalleryColumn.read(1, e.images),
                "what is written reads back the same");
    }

    @Test
    void anEditorsSourceWinsWhenItNamesAnything() {
        Source found = new Source("来源", "http://found.example/");
        assertSame(found, ArticleMapping.sourceOf(null, found));
        assertSame(found, ArticleMapping.sourceOf(Source.NONE, found));
        assertEquals(new Source("示例财经", null), ArticleMapping.sourceOf(new Source("  示例财经 ", null), found), "stripped");
        assertEquals(
                new Source(null, "http://given.example/"),
                ArticleMapping.sourceOf(new Source(null, "http://given.example/"), found));
    }
}
