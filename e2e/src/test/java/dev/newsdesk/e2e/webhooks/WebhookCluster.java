package dev.newsdesk.e2e.webhooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.article.testing.LocalPostgres;
import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.ServiceProcess;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * PostgreSQL and article-service replicas of their own (these tests kill them), allowed to call
 * the local {@link WebhookReceiver}, with retries a second apart instead of the production schedule.
 */
final class WebhookCluster implements AutoCloseable {

    static final Duration READY = Duration.ofSeconds(180);
    static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    static final ObjectMapper JSON = new ObjectMapper();

    final Path root =
            Path.of(System.getProperty("newsdesk.root", "..")).toAbsolutePath().normalize();
    final Path data;
    final Map<String, String> env;
    final List<Integer> ports = new ArrayList<>();
    final List<ServiceProcess> replicas = new ArrayList<>();
    LocalPostgres database;

    WebhookCluster(int replicaCount, String allowedTargets) throws IOException {
        data = Files.createTempDirectory(Files.createDirectories(root.resolve("e2e/target/e2e-run")), "webhooks-");
        database = LocalPostgres.start(data.resolve("postgres"), 0, true);
        for (int i = 0; i < replicaCount; i++) {
            ports.add(NewsdeskSystem.freePort());
        }
        env = NewsdeskSystem.environment(
                database, data, ports.getFirst(), NewsdeskSystem.freePort(), NewsdeskSystem.freePort());
        env.put("NEWSDESK_WEBHOOK_ALLOWED_TARGETS", allowedTargets);
        env.put("NEWSDESK_WEBHOOK_RETRY_DELAYS", "1s,1s,1s");
        env.put("NEWSDESK_WEBHOOK_TIMEOUT", "5s");
        for (int i = 0; i < replicaCount; i++) {
            replicas.add(start(i));
        }
        for (ServiceProcess replica : replicas) {
            replica.awaitReady(READY);
        }
    }

    ServiceProcess start(int replica) {
        return ServiceProcess.start(
                root,
                "article-service",
                ports.get(replica),
                env,
                data.resolve("logs/article-service-" + replica + "-" + System.nanoTime() + ".log"));
    }

    /** Kills replica {@code i} with SIGKILL and starts it again on the same port. */
    void crashAndRestart(int i) {
        replicas.get(i).kill();
        ServiceProcess started = start(i);
        replicas.set(i, started);
        started.awaitReady(READY);
    }

    ServiceProcess replica(int i) {
        return replicas.get(i);
    }

    /** POST /api/webhooks on replica {@code i}: the 201 body (with the secret). */
    JsonNode register(int i, String url, String... events) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("url", url);
        body.put("description", "e2e receiver");
        var list = body.putArray("events");
        for (String e : events) {
            list.add(e);
        }
        HttpResponse<String> r = send(i, "POST", "/api/webhooks", body.toString());
        if (r.statusCode() != 201) {
            throw new AssertionError("register " + url + ": " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** Creates an article on replica {@code i}; {@code publishedAt} RFC 3339. */
    JsonNode create(int i, String title, String publishedAt) throws Exception {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", title);
        body.put("bodyHtml", "<p>" + title + "：推送测试的正文。</p>");
        body.put("publishedAt", publishedAt);
        body.putArray("categories").add("tuisong");
        HttpResponse<String> r = send(i, "POST", "/api/articles", body.toString());
        if (r.statusCode() != 201) {
            throw new AssertionError("create: " + r.statusCode() + " " + r.body());
        }
        return JSON.readTree(r.body());
    }

    /** PUT /api/articles/{id} on replica {@code i} with {@code If-Match: etag}. */
    HttpResponse<String> update(int i, long id, String etag, String json) throws IOException, InterruptedException {
        return send(i, "PUT", "/api/articles/" + id, json, etag);
    }

    HttpResponse<String> send(int i, String method, String path, String json) throws IOException, InterruptedException {
        return send(i, method, path, json, null);
    }

    private HttpResponse<String> send(int i, String method, String path, String json, String ifMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(replicas.get(i).url(path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                .header("Content-Type", "application/json");
        if (ifMatch != null) {
            request.header("If-Match", ifMatch);
        }
        request.method(
                method,
                json == null
                        ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    HttpResponse<String> get(int i, String path, boolean withToken) throws IOException, InterruptedException {
        HttpRequest.Builder request =
                HttpRequest.newBuilder(replicas.get(i).url(path)).timeout(Duration.ofSeconds(20));
        if (withToken) {
            request.header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Override
    public void close() {
        replicas.forEach(ServiceProcess::close);
        database.close();
    }
}
