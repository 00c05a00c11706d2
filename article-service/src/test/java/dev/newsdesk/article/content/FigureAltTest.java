package dev.newsdesk.article.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsdesk.article.images.ImageUrls;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;

class FigureAltTest {

    private static List<String> alts(String html) {
        Document doc = Jsoup.parseBodyFragment(html);
        FigureAlt.describe(doc.body(), "港口数据");
        return doc.select("img").eachAttr("alt");
    }

    @Test
    void captionDescribesItsFigure() {
        assertEquals(List.of("一月吞吐量"), alts("<figure><img src=a.jpg><figcaption> 一月吞吐量 </figcaption></figure>"));
    }

    @Test
    void leadInLineDescribesThePicturesItIntroduces() {
        assertEquals(
                List.of("名单 图1", "名单 图2"),
                alts("<p>正文。</p><p>名单如下：</p><figure><img src=a.jpg></figure><figure><img src=b.jpg></figure>"));
        assertEquals(List.of("统计图表"), alts("<p>统计图表：</p><figure><img src=a.jpg></figure>"));
    }

    @Test
    void otherwiseTheTitleAndTheImagesNumber() {
        assertEquals(
                List.of("港口数据 图1", "港口数据 图2"),
                alts("<figure><img src=a.jpg></figure><p>一段很普通的正文，并不是引出图片的话。</p><figure><img src=b.jpg></figure>"));
    }

    @Test
    void anExistingAltIsKept() {
        assertEquals(List.of("原有"), alts("<p>名单如下：</p><figure><img src=a.jpg alt=原有></figure>"));
    }

    @Test
    void rendererGivesEveryImageAnAlt() {
        Element body = Jsoup.parseBodyFragment(new BodyRenderer(new ImageUrls("http://img.test", null))
                        .render("<figure><img src=\"https://cdn.example/a_w800h600.jpg\"></figure>", List.of(), "标题")
                        .html())
                .body();
        assertEquals("标题 图1", body.selectFirst("img").attr("alt"));
    }
}
