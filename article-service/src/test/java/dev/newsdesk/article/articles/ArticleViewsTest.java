package dev.newsdesk.article.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.article.content.Source;
import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.images.ImageUrls;
import dev.newsdesk.article.store.ArticleEntity;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleViewsTest {

    private final ArticleViews views = new ArticleViews(new ObjectMapper(), new ImageUrls("https://img.example", null));

    private static ArticleEntity stored(String images) {
        ArticleEntity e = new ArticleEntity();
        e.id = 7L;
        e.version = 3;
        e.slug = "2024-03-05-abcdef12";
        e.title = "标题";
        e.published(OffsetDateTime.parse("2024-03-05T09:30:00+08:00"));
        e.updatedAt = Instant.parse("2024-03-06T00:00:00.5Z");
        e.categories.add("区块链");
        e.bodyHtml = "<p>正文</p>";
        e.images = images;
        e.sourceName = "示例财经";
        e.summary = "正文";
        return e;
    }

    @Test
    void timesAreRfc3339WithSecondsAndThePublishedOffset() {
        Article a = views.full(stored("[]"));
        assertEquals("2024-03-05T09:30:00+08:00", a.publishedAt());
        assertEquals("2024-03-06T00:00:00Z", a.updatedAt());
        assertEquals(new Source("示例财经", null), a.source());
        assertNull(a.leadImage(), "no gallery, no lead image");
    }

    @Test
    void theLeadImageIsTheFirstGalleryImageThroughTheImageService() {
        Article a = views.full(stored("[{\"url\":\"https://cdn.example/a_w700h996.jpg\",\"width\":700,\"height\":996},"
                + "{\"url\":\"https://cdn.example/b.jpg\",\"width\":null,\"height\":null}]"));
        assertEquals(
                List.of(
                        new GalleryImage("https://cdn.example/a_w700h996.jpg", 700, 996),
                        new GalleryImage("https://cdn.example/b.jpg", null, null)),
                a.images());
        assertEquals("https://cdn.example/a_w700h996.jpg", a.leadImage().url());
        assertTrue(
                a.leadImage().src().startsWith("https://img.example/img/"),
                a.leadImage().src());
    }

    @Test
    void theCachedFormCarriesTheJsonAndAStrongVersionedEtag() throws Exception {
        CachedArticle cached = views.cached(stored("[]"));
        assertEquals("\"7-3\"", cached.etag());
        assertEquals(
                "2024-03-05-abcdef12",
                new ObjectMapper()
                        .readTree(new String(cached.json(), StandardCharsets.UTF_8))
                        .get("slug")
                        .asText());
    }

    @Test
    void aSummaryIsTheArticleWithoutBodyAndBlocks() {
        ArticleSummary s = views.summary(stored("[]"));
        assertEquals(7, s.id());
        assertEquals("2024-03-05T09:30:00+08:00", s.publishedAt());
        assertEquals(List.of("区块链"), s.categories());
    }
}
