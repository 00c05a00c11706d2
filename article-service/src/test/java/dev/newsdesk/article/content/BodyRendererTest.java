package dev.newsdesk.article.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;

import org.junit.jupiter.api.Test;

import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.images.ImageUrls;

class BodyRendererTest {

    private final BodyRenderer renderer = new BodyRenderer(new ImageUrls("http://img.test", null));

    @Test
    void blocksFollowReadingOrderForEveryType() {
        String html = "<h2>标题</h2><p>第一段。</p><ul><li>甲</li><li>乙</li></ul><ol><li>一</li></ol>"
                + "<blockquote>引用的话</blockquote><table><tr><th>项目</th><th>数值</th></tr><tr><td>收入</td><td>10</td></tr></table>"
                + "<figure><img src=\"https://cdn.example/a_w800h600.jpg\" width=\"800\" height=\"600\"></figure>";
        List<Block> blocks = renderer.render(html, List.of(new GalleryImage("https://cdn.example/a_w800h600.jpg", 800, 600))).blocks();
        assertEquals(List.of("heading", "paragraph", "list", "list", "quote", "table", "image"),
                blocks.stream().map(Block::type).toList());
        assertEquals(2, blocks.get(0).level());
        assertEquals(List.of("甲", "乙"), blocks.get(2).items());
        assertEquals(Boolean.TRUE, blocks.get(3).ordered());
        assertEquals(List.of(List.of("项目", "数值"), List.of("收入", "10")), blocks.get(5).rows());
        assertEquals(720, blocks.get(6).width());
        assertEquals(540, blocks.get(6).height());
    }
}
