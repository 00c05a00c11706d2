package dev.newsdesk.article.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.article.TestPosts;
import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.images.ImageUrls;
import dev.newsdesk.article.importer.JekyllPost;
import dev.newsdesk.article.importer.JekyllPostParser;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The shape of the sources' posts (fixture: posts/gallery-post.md), from Markdown to blocks, without Quarkus. */
class GalleryPostTest {

    private final JekyllPost post = parse();
    private final BodyCleaner.CleanBody body = new BodyCleaner().clean(post.bodyHtml(), true);

    private static JekyllPost parse() {
        return new JekyllPostParser().parse(TestPosts.fixture("gallery-post.md"));
    }

    @Test
    void takesOutSourceNameAndUrl() {
        assertEquals(
                new Source("示例财经", "http://news.example.com/share/article.html?code=EX202306180001"), body.source());
        assertFalse(body.html().contains("文章来源"));
        assertFalse(body.html().contains("news.example.com"));
    }

    @Test
    void dropsSiteNavigation() {
        assertFalse(body.html().contains("返回"));
        assertFalse(body.text().contains("首页"));
    }

    @Test
    void recordsTheGalleryWithIntrinsicSizesInOrder() {
        List<GalleryImage> images = body.images();
        assertEquals(8, images.size());
        assertEquals(
                new GalleryImage("https://dfscdn.dfcfw.com/download/D25000000000000001_w700h996.jpg", 700, 996),
                images.get(0));
        assertEquals(1808, images.get(7).height());
        assertTrue(images.get(7).url().endsWith("D25000000000000008_w700h1808.jpg"));
    }

    @Test
    void sanitizesStyleAndUnknownAttributes() {
        assertFalse(body.html().contains("style="));
        assertFalse(body.html().contains("emheight"));
        assertFalse(body.html().contains("align="));
        assertFalse(body.html().contains("<center"));
    }

    @Test
    void blocksAreSixParagraphsThenEightImages() {
        ImageUrls urls = new ImageUrls("http://img.test", "00".repeat(32));
        BodyRenderer.RenderedBody rendered = new BodyRenderer(urls).render(body.html(), body.images());
        List<Block> blocks = rendered.blocks();
        assertEquals(14, blocks.size(), blocks.toString());
        for (int i = 0; i < 6; i++) {
            assertEquals("paragraph", blocks.get(i).type());
        }
        assertEquals("首批便民试点项目名单如下：", blocks.get(5).text());
        for (int i = 6; i < 14; i++) {
            Block image = blocks.get(i);
            assertEquals("image", image.type());
            assertTrue(image.src().startsWith("http://img.test/img/"));
            assertEquals(700, image.width());
        }
        assertEquals(996, blocks.get(6).height());
        assertTrue(blocks.get(6).srcset().endsWith(" 700w"));
    }

    @Test
    void everyImageGoesThroughTheImageService() {
        ImageUrls urls = new ImageUrls("http://img.test", "00".repeat(32));
        String html = new BodyRenderer(urls).render(body.html(), body.images()).html();
        assertFalse(html.contains("dfscdn.dfcfw.com"));
        assertEquals(8, html.split("loading=\"lazy\"", -1).length - 1);
        assertEquals(8, html.split("<picture>", -1).length - 1);
        assertEquals(8 * 3, html.split("srcset=", -1).length - 1, "the JPEG img and the AVIF and WebP sources");
        assertTrue(html.contains("width=\"700\" height=\"996\""));
    }

    @Test
    void summaryIsPlainTextCutAtABoundary() {
        String summary = Summary.of(body.text());
        assertTrue(summary.length() <= 200);
        assertTrue(summary.startsWith("“示例发布”公众号6月18日消息"));
        assertTrue(summary.endsWith("。") || summary.endsWith("…"), summary);
    }
}
