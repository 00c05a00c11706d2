package dev.newsdesk.article.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.images.ImageUrls;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class BodyRendererTest {

    private final BodyRenderer renderer = new BodyRenderer(new ImageUrls("http://img.test", null));

    @Test
    void blocksFollowReadingOrderForEveryType() {
        String html = "<h2>标题</h2><p>第一段。</p><ul><li>甲</li><li>乙</li></ul><ol><li>一</li></ol>"
                + "<blockquote>引用的话</blockquote><table><tr><th>项目</th><th>数值</th></tr><tr><td>收入</td><td>10</td></tr></table>"
                + "<figure><img src=\"https://cdn.example/a_w800h600.jpg\" width=\"800\" height=\"600\"></figure>";
        List<Block> blocks = renderer.render(
                        html, List.of(new GalleryImage("https://cdn.example/a_w800h600.jpg", 800, 600)))
                .blocks();
        assertEquals(
                List.of("heading", "paragraph", "list", "list", "quote", "table", "image"),
                blocks.stream().map(Block::type).toList());
        assertEquals(2, blocks.get(0).level());
        assertEquals(List.of("甲", "乙"), blocks.get(2).items());
        assertEquals(Boolean.TRUE, blocks.get(3).ordered());
        assertEquals(
                List.of(List.of("项目", "数值"), List.of("收入", "10")), blocks.get(5).rows());
        assertEquals(720, blocks.get(6).width());
        assertEquals(540, blocks.get(6).height());
    }

    @Test
    void everyImageIsAPictureWithAvifAndWebpSourcesBeforeTheJpegImg() {
        String html = "<p><img src=\"https://cdn.example/b_w700h996.jpg\" alt=\"图表\"></p>";
        BodyRenderer.RenderedBody body =
                renderer.render(html, List.of(new GalleryImage("https://cdn.example/b_w700h996.jpg", 700, 996)));
        Element picture = Jsoup.parseBodyFragment(body.html()).selectFirst("p > picture");
        assertEquals(
                List.of("source", "source", "img"),
                picture.children().stream().map(Element::tagName).toList());
        Element avif = picture.child(0), webp = picture.child(1), img = picture.child(2);
        assertEquals("image/avif", avif.attr("type"));
        assertEquals("image/webp", webp.attr("type"));
        assertEquals(img.attr("sizes"), avif.attr("sizes"));
        for (Element source : List.of(avif, webp)) {
            String format = source.attr("type").substring("image/".length());
            // the same widths as the JPEG srcset, each URL naming its format explicitly
            assertEquals(img.attr("srcset").replace("/f:jpeg/", "/f:" + format + "/"), source.attr("srcset"));
        }
        assertTrue(img.attr("src").contains("/w:700/f:jpeg/"), img.attr("src"));
        assertEquals("700", img.attr("width"));
        assertEquals("996", img.attr("height"));
        assertEquals("lazy", img.attr("loading"));
        assertEquals("图表", img.attr("alt"));

        Block block = body.blocks().get(0);
        assertEquals("image", block.type());
        assertEquals(
                List.of("image/avif", "image/webp"),
                block.sources().stream().map(s -> s.type()).toList());
        assertEquals(avif.attr("srcset"), block.sources().get(0).srcset());
        assertEquals(img.attr("srcset"), block.srcset());
    }

    @Test
    void anImageOfUnknownSizeStillOffersTheSmallerFormatsAtTheOriginalSize() {
        BodyRenderer.RenderedBody body = renderer.render("<p><img src=\"https://cdn.example/c.jpg\"></p>", List.of());
        Element picture = Jsoup.parseBodyFragment(body.html()).selectFirst("picture");
        assertEquals(
                "http://img.test/img/unsafe/f:avif/aHR0cHM6Ly9jZG4uZXhhbXBsZS9jLmpwZw",
                picture.child(0).attr("srcset"));
        assertFalse(picture.child(0).hasAttr("sizes"));
        assertEquals(
                "http://img.test/img/unsafe/f:jpeg/aHR0cHM6Ly9jZG4uZXhhbXBsZS9jLmpwZw",
                picture.child(2).attr("src"));
    }
}
