package dev.newsdesk.article.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.article.TestPosts;
import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.importer.JekyllPostParser;
import org.junit.jupiter.api.Test;

class BodyCleanerTest {

    private final BodyCleaner cleaner = new BodyCleaner();

    @Test
    void removesScriptsHandlersIframesAndDangerousUrls() {
        String html = cleaner.clean(
                        "<p onclick=\"x()\" style=\"color:red\">正文<script>alert(1)</script></p>"
                                + "<iframe src=\"https://evil.example\">框架</iframe>"
                                + "<p><a href=\"javascript:alert(1)\">坏链接</a><img src=\"data:image/png;base64,AAAA\"></p>",
                        false)
                .html();
        assertEquals("<p>正文</p><p><a>坏链接</a></p>", html);
    }

    @Test
    void externalLinksGetNofollowNoopener() {
        String html = cleaner.clean("<p><a href=\"https://example.com/x\" target=\"_blank\">外链</a></p>", false)
                .html();
        assertEquals("<p><a href=\"https://example.com/x\" rel=\"nofollow noopener\">外链</a></p>", html);
    }

    @Test
    void keepsNewsStructure() {
        String html = cleaner.clean(
                        "<h2>小标题</h2><ul><li>一</li></ul><blockquote>引语</blockquote>"
                                + "<table><tr><th>项目</th><td>数值</td></tr></table>",
                        false)
                .html();
        assertTrue(html.contains("<h2>小标题</h2>"));
        assertTrue(html.contains("<ul><li>一</li></ul>"));
        assertTrue(html.contains("<blockquote>引语</blockquote>"));
        assertTrue(html.contains("<th>项目</th><td>数值</td>"));
    }

    @Test
    void removesXmlIllegalCharactersFromText() {
        assertEquals(
                "<p>控制字符</p>",
                cleaner.clean("<p>控制\u0001字\u000B\u0000符</p>", false).html());
    }

    @Test
    void sizesFromAttributesWhenTheNameHasNone() {
        var body = cleaner.clean("<p><img src=\"https://cdn.example/a.jpg\" width=\"640\" height=\"480\"></p>", false);
        assertEquals(
                new GalleryImage("https://cdn.example/a.jpg", 640, 480),
                body.images().get(0));
    }

    @Test
    void sourceLinesRightUnderHtmlAreFoundToo() {
        var post = new JekyllPostParser()
                .parse(
                        TestPosts.utf8(
                                "---\ntitle: 标题\ndate: 2024-03-05 09:30:00 +0800\n---\n<p>正文。</p>\n（文章来源：某财经）\n<http://example.com/news/1>\n"));
        var body = cleaner.clean(post.bodyHtml(), true);
        assertEquals(new Source("某财经", "http://example.com/news/1"), body.source());
        assertEquals("<p>正文。</p>", body.html());
    }

    @Test
    void editorBodiesKeepTheirAttributionText() {
        var body = cleaner.clean("<p>（文章来源：某报）</p>", false);
        assertEquals(Source.NONE, body.source());
        assertFalse(body.html().isEmpty());
    }
}
