package dev.newsdesk.e2e.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.RunningSystem;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Keyset cursors under concurrent writes: a listing walked page by page while 200 articles are
 * inserted at random places in its order (dates spread over the same years) shows every article
 * that existed before the walk began exactly once.
 */
@ExtendWith(RunningSystem.class)
class ListingDuringInsertsTest {

    private static final int EXISTING = 60;
    private static final int INSERTED = 200;

    @Test
    void aWalkWithCursorsNeitherRepeatsNorSkipsWhileArticlesAreInserted() throws Exception {
        NewsdeskSystem system = RunningSystem.system();
        String category = "walk" + UUID.randomUUID().toString().substring(0, 8);
        long seed = System.nanoTime();
        System.out.println("ListingDuringInsertsTest seed " + seed);
        Random random = new Random(seed);
        Set<Long> existing = new HashSet<>();
        for (int i = 0; i < EXISTING; i++) {
            existing.add(create(system, category, random));
        }

        ExecutorService writers = Executors.newFixedThreadPool(4);
        List<Future<Long>> inserts = new ArrayList<>();
        List<Long> seen = new ArrayList<>();
        try {
            for (int i = 0; i < INSERTED; i++) {
                long articleSeed = random.nextLong();
                inserts.add(writers.submit(() -> create(system, category, new Random(articleSeed))));
            }
            String cursor = null;
            int pages = 0;
            do {
                String url = system.article().baseUrl() + "/api/articles?limit=7&category=" + category
                        + (cursor == null ? "" : "&cursor=" + URLEncoder.encode(cursor, StandardCharsets.UTF_8));
                HttpResponse<String> page = Calls.get(url);
                assertEquals(200, page.statusCode(), page.body());
                JsonNode body = Calls.json(page.body());
                body.get("items").forEach(item -> seen.add(item.get("id").asLong()));
                cursor = body.get("nextCursor").isNull()
                        ? null
                        : body.get("nextCursor").asText();
                assertTrue(++pages < 1_000, "the walk does not end");
            } while (cursor != null);
            for (Future<Long> insert : inserts) {
                insert.get(60, TimeUnit.SECONDS);
            }
        } finally {
            writers.shutdownNow();
        }
        Set<Long> distinct = new HashSet<>(seen);
        assertEquals(seen.size(), distinct.size(), "an article was listed twice");
        Set<Long> skipped = new HashSet<>(existing);
        skipped.removeAll(distinct);
        assertEquals(Set.of(), skipped, "articles that existed before the walk were skipped");
    }

    private static long create(NewsdeskSystem system, String category, Random random) {
        ObjectNode article = Calls.JSON.createObjectNode();
        // Many share a second, so the order's tie-breaker is exercised as well.
        OffsetDateTime published =
                OffsetDateTime.of(2021, 1, 1, 0, 0, 0, 0, ZoneOffset.ofHours(8)).plusHours(random.nextInt(200));
        article.put("title", "游标" + UUID.randomUUID());
        article.put("bodyHtml", "<p>并发插入时的列表遍历。</p>");
        article.put("publishedAt", published.toString());
        article.putArray("categories").add(category);
        article.putArray("tags").add("游标");
        HttpResponse<String> created =
                Calls.send(HttpRequest.newBuilder(system.article().url("/api/articles"))
                        .timeout(Calls.TIMEOUT)
                        .header("Content-Type", "application/json")
                        .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                        .POST(HttpRequest.BodyPublishers.ofString(article.toString()))
                        .build());
        assertEquals(201, created.statusCode(), created.body());
        return Calls.json(created.body()).get("id").asLong();
    }
}
