package dev.newsdesk.feed.source;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * feed-service holds the items its feeds show, not every article the change feed ever named: as
 * the archive grows by hundreds of articles in a few sections, what it holds stays the same. The
 * items a rebuild lacks are fetched side by side, within a bound.
 */
@QuarkusTest
@QuarkusTestResource(value = FakeArticleServiceResource.class, restrictToAnnotatedClass = true)
class HeldItemsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Inject
    ChangePoller poller;

    @Inject
    CircuitBreakerMaintenance breakers;

    @AfterEach
    void fixtureAgain() {
        FakeArticleServiceResource.articles().reset();
        breakers.resetAll();
    }

    @Test
    void heldItemsStayBoundedAsTheChangeFeedGrows() {
        FakeArticleService articles = FakeArticleServiceResource.articles();
        articles.reset();
        breakers.resetAll();
        assertTrue(poller.poll());
        for (int batch = 0; batch < 12; batch++) {
            for (int i = 0; i < 25; i++) {
                int n = batch * 25 + i;
                articles.add(article(1000 + n, LocalDate.of(2024, 1, 1).plusDays(n % 300), "档案" + n % 3));
            }
            assertTrue(poller.poll());
            // 7 feeds show this test's articles (home, 3 sections, 3 tags), at most 10 each
            // (page-size 5 x 2 pages in tests), and the fixture's 7 articles have feeds of their
            // own: never near the 25 more that every batch adds to the change feed.
            int bound = 7 * 10 + 7;
            assertTrue(poller.heldItems() <= bound, "after " + (batch + 1) * 25 + ": held " + poller.heldItems());
        }
    }

    @Test
    void aRebuildFetchesTheArticlesItLacksSideBySideWithinItsBound() {
        FakeArticleService articles = FakeArticleServiceResource.articles();
        assertTrue(poller.poll());
        // A new change log: the poller's cursor expires (410) and it rebuilds every feed from the
        // listings, as a new replica's first poll does, with none of these articles held yet.
        articles.reset();
        for (int i = 0; i < 30; i++) {
            articles.add(article(5000 + i, LocalDate.of(2025, 3, 1).plusDays(i), "并行"));
        }
        articles.articleReadTime(Duration.ofMillis(40));
        assertTrue(poller.poll());
        int most = articles.mostArticleReadsInFlight();
        assertTrue(
                most >= 2 && most <= FeedRefresher.FETCHES_IN_FLIGHT,
                "articles read at once: " + most + " (bound " + FeedRefresher.FETCHES_IN_FLIGHT + ")");
    }

    private static ObjectNode article(long id, LocalDate day, String section) {
        String at = day + "T08:00:00+08:00";
        return JSON.createObjectNode()
                .put("id", id)
                .put("slug", "archive-" + id)
                .put("title", "档案文章 " + id)
                .put("publishedAt", at)
                .put("updatedAt", at)
                .put("summary", "s")
                .put("bodyHtml", "<p>档案</p>")
                .put("version", 1)
                .putNull("leadImage")
                .putNull("source")
                .<ObjectNode>set("categories", JSON.createArrayNode().add(section))
                .<ObjectNode>set("tags", JSON.createArrayNode().add(section + "标签"))
                .set("images", JSON.createArrayNode());
    }
}
