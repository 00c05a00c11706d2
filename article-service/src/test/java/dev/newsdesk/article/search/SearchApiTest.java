package dev.newsdesk.article.search;

import static dev.newsdesk.article.TestPosts.TOKEN;
import static dev.newsdesk.article.TestPosts.unique;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * {@code q} over HTTP on PostgreSQL: every article containing the query is found (against a
 * brute-force substring check), in rank order, with its highlight. Each test's articles carry a
 * tag of their own and every query names it, so other tests' rows never count.
 */
@QuarkusTest
class SearchApiTest {

    @Inject
    EntityManager em;

    static long create(String title, String publishedAt, String tag, String body) {
        return given().header("Authorization", TOKEN)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title",
                        title,
                        "publishedAt",
                        publishedAt,
                        "tags",
                        List.of(tag),
                        "bodyHtml",
                        "<p>" + body + "</p>"))
                .post("/api/articles")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    /** Every item of a search, page after page of {@code limit}, in order. */
    static List<Map<String, Object>> all(String q, String tag, int limit) {
        List<Map<String, Object>> items = new ArrayList<>();
        String cursor = null;
        for (int pages = 0; pages < 1000; pages++) {
            var request = given().queryParam("q", q).queryParam("tag", tag).queryParam("limit", limit);
            if (cursor != null) {
                request.queryParam("cursor", cursor);
            }
            JsonPath page = request.get("/api/articles")
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            items.addAll(page.getList("items"));
            cursor = page.getString("nextCursor");
            if (cursor == null) {
                return items;
            }
        }
        throw new AssertionError("the cursor never ended");
    }

    @Test
    void aTitleMatchRanksAboveBodyMentionsMoreMentionsAboveFewerThenTheNewer() {
        String tag = unique("排序");
        String word = "降准" + tag.substring(2, 6);
        long titleMatch = create("央行宣布" + word, "2024-01-10T08:00:00+08:00", tag, "今日公告。");
        long threeMentions = create("货币政策", "2024-01-10T08:00:00+08:00", tag, word + "之后，" + word + "再" + word + "。");
        // Half a day newer: above the same single mention, below a story that mentions it thrice.
        long oneMentionNewer = create("市场观察", "2024-01-10T20:00:00+08:00", tag, "分析人士谈" + word + "。");
        long oneMention = create("市场综述", "2024-01-10T08:00:00+08:00", tag, "昨日" + word + "。");
        // Recency is blended in: a title match outweighs three days, so one from five days earlier
        // ranks below them all.
        long oldTitleMatch = create("上周" + word, "2024-01-05T08:00:00+08:00", tag, "旧闻。");
        create("无关", "2024-01-30T08:00:00+08:00", tag, "没有提到。");
        List<Long> expected = List.of(titleMatch, threeMentions, oneMentionNewer, oneMention, oldTitleMatch);
        assertEquals(expected, ids(all(word, tag, 100)));
        assertEquals(expected, ids(all(word, tag, 2)), "pages of two continue exactly where the last ended");
    }

    @Test
    void itemsCarryTheMatchWithTheQueryMarkedAndTheRestEscaped() {
        String tag = unique("高亮");
        String word = "利率" + tag.substring(2, 6);
        create("周报", "2024-02-01T08:00:00+08:00", tag, "前文 &lt;b&gt;&amp; 提到" + word + "与" + word + "。");
        Map<String, Object> item = all(word, tag, 20).getFirst();
        assertEquals(
                "周报 前文 &lt;b&gt;&amp; 提到<mark>" + word + "</mark>与<mark>" + word + "</mark>。", item.get("highlight"));
        Map<String, Object> listed = given().queryParam("tag", tag)
                .get("/api/articles")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("items[0]");
        assertTrue(!listed.containsKey("highlight"), "no highlight without q");
        String page = given().queryParam("q", word)
                .accept("text/html")
                .get("/search")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertTrue(page.contains("<p class=\"highlight\">周报 前文 &lt;b&gt;&amp; 提到<mark>" + word + "</mark>"), page);
    }

    @Test
    void aSearchCursorIsNeededToContinueASearch() {
        String tag = unique("游标");
        create("甲", "2024-02-01T08:00:00+08:00", tag, "内容");
        create("乙", "2024-02-02T08:00:00+08:00", tag, "内容");
        String plainCursor = given().queryParam("tag", tag)
                .queryParam("limit", 1)
                .get("/api/articles")
                .then()
                .extract()
                .jsonPath()
                .getString("nextCursor");
        given().queryParam("q", "内容")
                .queryParam("cursor", plainCursor)
                .get("/api/articles")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    /**
     * A generated corpus over a small alphabet, so that two-character queries meet their
     * characters apart as often as together: the search must return exactly the articles whose
     * text contains the query, as a brute-force substring check finds them.
     */
    @Test
    void recallIsCompleteAgainstABruteForceSubstringCheck() {
        String tag = unique("召回");
        Random random = new Random(20_261_205);
        String alphabet = "中国银行发展市场金AB6";
        Map<Long, String> texts = new HashMap<>();
        for (int i = 0; i < 120; i++) {
            String title = "T" + word(random, alphabet, 3 + random.nextInt(6));
            String body = word(random, alphabet, 10 + random.nextInt(40)) + (i % 10 == 0 ? " aapl.o " : "");
            long id = create(title, "2024-03-%02dT08:00:00+08:00".formatted(1 + i % 28), tag, body);
            texts.put(id, (title + "\n" + body).toLowerCase(Locale.ROOT));
        }
        Set<String> queries = new TreeSet<>();
        for (char a : alphabet.toCharArray()) {
            for (char b : alphabet.toCharArray()) {
                queries.add("" + a + b);
            }
        }
        for (int i = 0; i < 30; i++) {
            queries.add(word(random, alphabet, 3));
            queries.add(word(random, alphabet, 4));
        }
        queries.addAll(List.of("AAPL", "aapl.o", "pl.", "中", "B6", "ab6中", "t中国"));
        for (String q : queries) {
            Set<Long> expected = new TreeSet<>();
            texts.forEach((id, text) -> {
                if (text.contains(q.toLowerCase(Locale.ROOT))) {
                    expected.add(id);
                }
            });
            assertEquals(expected, new TreeSet<>(ids(all(q, tag, 100))), "q=" + q);
        }
        assertEquals(0, gramsOtherThanTheSqlDefinition(tag), "Java and SQL make the same bigrams");
    }

    /**
     * A search reads only the matches the rank's bound leaves in reach of a page (SearchRank), so
     * its pages must be exactly the whole set ranked: here a corpus over six years back from now,
     * dense in the newest days and sparse after, with titles and mention counts (some past the
     * cap) drawn at random, paged at several sizes against the rank computed in Java.
     */
    @Test
    void everyPageIsTheBestOfAllMatchesAsIfAllWereRanked() {
        String tag = unique("窗口");
        String word = "窗" + tag.substring(2, 6);
        Random random = new Random(20_261_206);
        Instant now =
                Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(60);
        record Expected(long id, double rank, Instant at) {}
        List<Expected> expected = new ArrayList<>();
        double[] spansDays = {2, 14, 120, 2_000};
        int[] counts = {14, 10, 10, 10};
        for (int span = 0; span < spansDays.length; span++) {
            for (int i = 0; i < counts[span]; i++) {
                Instant at = now.minusSeconds((long) (random.nextDouble() * spansDays[span] * 86_400));
                boolean inTitle = random.nextInt(3) == 0;
                int inBody = 1 + (random.nextInt(4) == 0 ? random.nextInt(40) : random.nextInt(4));
                String body = (word + "，").repeat(inBody);
                long id = create((inTitle ? word : "") + "标题" + i, at.toString(), tag, body);
                expected.add(new Expected(id, SearchRank.rank(inTitle, inBody + (inTitle ? 1 : 0), at), at));
            }
        }
        create("无关" + word.substring(1), now.toString(), tag, "不含查询的文章。");
        expected.sort(java.util.Comparator.comparingDouble(Expected::rank)
                .thenComparing(Expected::at)
                .thenComparingLong(Expected::id)
                .reversed());
        List<Long> ids = expected.stream().map(Expected::id).toList();
        for (int limit : new int[] {100, 7, 3, 1}) {
            assertEquals(ids, ids(all(word, tag, limit)), "pages of " + limit);
        }
    }

    long gramsOtherThanTheSqlDefinition(String tag) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from article a join article_tag t on t.article_id = a.id"
                                                + " where t.name = ?1 and a.search_grams <> article_bigrams(a.search_text)")
                                .setParameter(1, tag)
                                .getSingleResult())
                        .longValue());
    }

    private static String word(Random random, String alphabet, int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            s.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return s.toString();
    }

    private static List<Long> ids(List<Map<String, Object>> items) {
        return items.stream().map(i -> ((Number) i.get("id")).longValue()).toList();
    }
}
