package dev.newsdesk.feed.cache;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.newsdesk.feed.model.FeedKey;
import java.util.List;
import org.junit.jupiter.api.Test;

class FeedLinksTest {

    @Test
    void categoryFeedIsTitledByTheNameReadersSee() {
        FeedLinks links = new FeedLinks("http://feeds.test", "http://news.test", null, "newsdesk");
        links.categoryNames().put("jiemianxinwen", "界面新闻");
        assertEquals(
                "newsdesk · 界面新闻",
                links.feed(FeedKey.category("jiemianxinwen"), 1, false, List.of())
                        .title());
        assertEquals(
                "newsdesk · guoji",
                links.feed(FeedKey.category("guoji"), 1, false, List.of()).title());
    }
}
