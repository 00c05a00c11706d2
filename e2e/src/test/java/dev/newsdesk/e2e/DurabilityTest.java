package dev.newsdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.article.testing.LocalPostgres;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Issue 10: a 201 means the article survives a crash. 200 creates from 16 threads; half-way
 * through, {@code kill -9} of article-service (or of the PostgreSQL server); then every create
 * that was acknowledged must be there, as acknowledged (title, body, version), read by a fresh
 * article-service process, so no cache can answer for the database.
 */
class DurabilityTest {

    private static final int CREATES = 200;
    private static final int THREADS = 16;
    private static final Duration READY = Duration.ofSeconds(90);
    private static final HttpClient HTTP = BoundedHttpClient.of(
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)), BoundedHttpClient.EXCHANGE);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path root =
            Path.of(System.getProperty("newsdesk.root", "..")).toAbsolutePath().normalize();

    @Test
    void everyAcknowledgedCreateSurvivesAKillOfArticleService() throws Exception {
        Path data = dataDir();
        try (Running run = Running.start(root, data)) {
            List<JsonNode> acknowledged = createWhile(run, () -> run.service.kill());
            run.service = run.startService();
            assertAllThere(run, acknowledged);
        }
    }

    @Test
    void everyAcknowledgedCreateSurvivesAKillOfPostgres() throws Exception {
        Path data = dataDir();
        try (Running run = Running.start(root, data)) {
            List<JsonNode> acknowledged = createWhile(run, () -> {
                kill9(run.database.serverPid());
                run.database = run.database.restart();
            });
            // The same article-service process carries on once the server is back (its pool drops dead connections).
            assertEquals(201, createEventually(run, "重启之后"), "a create after PostgreSQL came back");
            run.service.close();
            run.service = run.startService();
            assertAllThere(run, acknowledged);
        }
    }

    /** Runs the creates; when half have been acknowledged, runs {@code crash} once. Returns the 201 bodies. */
    private static List<JsonNode> createWhile(Running run, Crash crash) throws Exception {
        Queue<JsonNode> acknowledged = new ConcurrentLinkedQueue<>();
        AtomicInteger failed = new AtomicInteger();
        CountDownLatch halfway = new CountDownLatch(CREATES / 2);
        ExecutorService clients = Executors.newFixedThreadPool(THREADS);
        try {
            for (int i = 0; i < CREATES; i++) {
                int n = i;
                clients.submit(() -> {
                    try {
                        HttpResponse<String> created = create(run, "耐久性测试 " + n);
                        if (created.statusCode() == 201) {
                            acknowledged.add(JSON.readTree(created.body()));
                            halfway.countDown();
                        } else {
                            failed.incrementAndGet();
                        }
                    } catch (IOException e) {
                        failed.incrementAndGet(); // the connection went down with the process: not acknowledged
                    }
                    return null;
                });
            }
            assertTrue(halfway.await(120, TimeUnit.SECONDS), "half the creates acknowledged");
            crash.run();
            clients.shutdown();
            assertTrue(clients.awaitTermination(120, TimeUnit.SECONDS), "all creates answered or failed");
        } finally {
            clients.shutdownNow();
        }
        System.out.printf("durability: %d acknowledged, %d failed or cut off%n", acknowledged.size(), failed.get());
        assertTrue(acknowledged.size() >= CREATES / 2);
        return List.copyOf(acknowledged);
    }

    private static void assertAllThere(Running run, List<JsonNode> acknowledged) throws Exception {
        for (JsonNode sent : acknowledged) {
            HttpResponse<String> read = HTTP.send(
                    HttpRequest.newBuilder(run.service.url(
                                    "/api/articles/" + sent.get("id").asLong()))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, read.statusCode(), "acknowledged article " + sent.get("id") + " is gone");
            JsonNode stored = JSON.readTree(read.body());
            assertEquals(sent.get("title").asText(), stored.get("title").asText());
            assertEquals(sent.get("bodyHtml").asText(), stored.get("bodyHtml").asText());
            assertEquals(sent.get("version").asLong(), stored.get("version").asLong());
        }
    }

    private static int createEventually(Running run, String title) throws Exception {
        int status = -1;
        for (int attempt = 0; attempt < 60 && status != 201; attempt++) {
            try {
                status = create(run, title).statusCode();
            } catch (IOException e) {
                status = -1;
            }
            if (status != 201) {
                Thread.sleep(500);
            }
        }
        return status;
    }

    private static HttpResponse<String> create(Running run, String title) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", title);
        body.put("bodyHtml", "<p>" + title + "：正文第一段，写入之后必须保存。</p>");
        body.put("publishedAt", "2024-05-01T10:00:00+08:00");
        body.putArray("categories").add("naijiu");
        body.putArray("tags");
        HttpRequest request = HttpRequest.newBuilder(run.service.url("/api/articles"))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body), StandardCharsets.UTF_8))
                .build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void kill9(long pid) throws IOException, InterruptedException {
        assertEquals(
                0,
                new ProcessBuilder("kill", "-9", Long.toString(pid))
                        .inheritIO()
                        .start()
                        .waitFor(),
                "kill -9 " + pid);
    }

    private Path dataDir() throws IOException {
        return Files.createTempDirectory(Files.createDirectories(root.resolve("e2e/target/e2e-run")), "durability-");
    }

    @FunctionalInterface
    private interface Crash {
        void run() throws Exception;
    }

    /** PostgreSQL and article-service alone, on their own data: this test kills them. */
    private static final class Running implements AutoCloseable {
        final Path root;
        final Path data;
        final int port = NewsdeskSystem.freePort();
        LocalPostgres database;
        ServiceProcess service;

        private Running(Path root, Path data) {
            this.root = root;
            this.data = data;
        }

        static Running start(Path root, Path data) {
            Running run = new Running(root, data);
            run.database = LocalPostgres.start(data.resolve("postgres"), 0, true);
            run.service = run.startService();
            return run;
        }

        ServiceProcess startService() {
            Map<String, String> env = NewsdeskSystem.environment(
                    database, data, port, NewsdeskSystem.freePort(), NewsdeskSystem.freePort());
            ServiceProcess started = ServiceProcess.start(
                    root,
                    "article-service",
                    port,
                    env,
                    data.resolve("logs/article-service-" + System.nanoTime() + ".log"));
            started.awaitReady(READY);
            return started;
        }

        @Override
        public void close() {
            if (service != null) {
                service.close();
            }
            database.close();
        }
    }
}
