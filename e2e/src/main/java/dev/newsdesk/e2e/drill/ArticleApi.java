package dev.newsdesk.e2e.drill;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** The few article-service calls the drill makes, over plain HTTP with the write token. */
final class ArticleApi {

    private static final ObjectMapper JSON = new ObjectMapper();
    // Generous: on a loaded two-core machine the first requests wait for the JIT.
    private static final Duration TIMEOUT = Duration.ofSeconds(60);

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final String baseUrl;
    private final String token;

    ArticleApi(String baseUrl, String token) {
        this.baseUrl = baseUrl;
        this.token = token;
    }

    /** Creates an article; returns its id once the service has answered 201. */
    long create(String title, String paragraph) throws IOException, InterruptedException {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", title);
        body.put("bodyHtml", "<p>" + paragraph + "</p>");
        body.put("publishedAt", "2025-03-01T08:00:00+08:00");
        body.putArray("categories").add("drill");
        body.putArray("tags").add("restore");
        body.putObject("source").put("name", "Restore drill").putNull("url");
        HttpResponse<String> answer = send(write("/api/articles")
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
        expect(answer, 201);
        String location = answer.headers().firstValue("Location").orElseThrow();
        return Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
    }

    /** The article as JSON with its ETag, or empty on 404. */
    Optional<Read> read(long id) throws IOException, InterruptedException {
        HttpResponse<String> answer = send(HttpRequest.newBuilder(URI.create(baseUrl + "/api/articles/" + id))
                .header("Accept", "application/json")
                .GET());
        if (answer.statusCode() == 404) {
            return Optional.empty();
        }
        expect(answer, 200);
        return Optional.of(new Read(
                JSON.readTree(answer.body()),
                answer.headers().firstValue("ETag").orElseThrow()));
    }

    void retitle(long id, String title) throws IOException, InterruptedException {
        Read current = read(id).orElseThrow();
        ObjectNode body = JSON.createObjectNode();
        body.put("title", title);
        body.set("bodyHtml", current.json().get("bodyHtml"));
        body.set("publishedAt", current.json().get("publishedAt"));
        body.set("categories", current.json().get("categories"));
        body.set("tags", current.json().get("tags"));
        body.set("source", current.json().get("source"));
        expect(
                send(write("/api/articles/" + id)
                        .header("Content-Type", "application/json")
                        .header("If-Match", current.etag())
                        .PUT(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)))),
                200);
    }

    void delete(long id) throws IOException, InterruptedException {
        expect(send(write("/api/articles/" + id).DELETE()), 204);
    }

    private HttpRequest.Builder write(String path) {
        return HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Authorization", "Bearer " + token);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        return http.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> answer, int status) {
        if (answer.statusCode() != status) {
            throw new IllegalStateException(answer.request().method() + " " + answer.uri() + " answered "
                    + answer.statusCode() + " (expected " + status + "): " + answer.body());
        }
    }

    /** An article as read, and its entity tag. */
    record Read(JsonNode json, String etag) {}
}
