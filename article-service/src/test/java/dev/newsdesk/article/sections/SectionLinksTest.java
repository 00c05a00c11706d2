package dev.newsdesk.article.sections;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SectionLinksTest {

    private static final String NAVIGATION =
            "<p><a href=\"//news.example.com/category/caijingkuaixun.html\">返回示例财经快讯</a>｜"
                    + "<a href=\"//news.example.com/\">返回首页</a></p>";

    @Test
    void learnsTheNameTheBackLinkGivesThePostsCategory() {
        assertEquals(
                Map.of("caijingkuaixun", "示例财经快讯"),
                SectionLinks.learn("<p>正文</p>" + NAVIGATION, List.of("caijingkuaixun")));
    }

    @Test
    void ignoresALinkToAnotherSection() {
        assertEquals(Map.of(), SectionLinks.learn(NAVIGATION, List.of("guoji")));
    }

    @Test
    void homeLinkAndOrdinaryLinksNameNothing() {
        String body =
                "<p><a href=\"https://news.example.com/shouye.html\">返回首页</a> <a href=\"/category/guoji.html\">国际</a></p>";
        assertEquals(Map.of(), SectionLinks.learn(body, List.of("shouye", "guoji")));
    }

    @Test
    void fileStemOfSectionUrls() {
        assertEquals("guoji", SectionLinks.fileStem("//site.example/category/guoji.html"));
        assertEquals("guoji", SectionLinks.fileStem("https://site.example/guoji"));
        assertNull(SectionLinks.fileStem("//site.example/"));
        assertNull(SectionLinks.fileStem("http://bad host/x.html"));
    }
}
