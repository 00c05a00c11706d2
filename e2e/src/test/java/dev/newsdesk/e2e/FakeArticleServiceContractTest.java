package dev.newsdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.e2e.OpenApiContract.Exchange;
import dev.newsdesk.http.Prerequisite;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * feed-service's tests poll a hand-written stand-in for article-service (FakeArticleService, in
 * feed-service's test classes). A stand-in that drifts from the service it stands for lets
 * feed-service pass against an article-service that does not exist, so here every kind of answer
 * it gives, errors included, is checked against article-service's OpenAPI document as its build
 * wrote it ({@link OpenApiContract}: parameters, status, media type, headers, body; JSON Schema
 * 2020-12 as OpenAPI 3.1 means it). The second test feeds broken answers through the same checks,
 * so a check that reports nothing cannot pass for one that holds.
 */
class FakeArticleServiceContractTest {

    private static final Path ROOT =
            Path.of(System.getProperty("newsdesk.root", "..")).toAbsolutePath().normalize();
    private static final Path DOCUMENT = ROOT.resolve("article-service/target/openapi/openapi.yaml");
    private static final Path FAKE_CLASSES = ROOT.resolve("feed-service/target/test-classes");
    private static final String FAKE = "dev.newsdesk.feed.source.FakeArticleService";
    private static final HttpClient HTTP = BoundedHttpClient.create();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyAnswerOfTheFakeMatchesArticleServicesDocument() throws Exception {
        OpenApiContract contract = contract();
        try (Fake fake = Fake.start()) {
            List<String> findings = new ArrayList<>();
            Calls calls = new Calls(contract, fake.url(), findings);

            JsonNode first = calls.json(200, "/api/articles", "limit=2");
            String next = first.get("nextCursor").asText();
            calls.json(200, "/api/articles", "limit=2&cursor=" + next);
            calls.json(200, "/api/articles", "category=" + encode("区块链") + "&tag=" + encode("金融科技") + "&limit=100");
            calls.json(400, "/api/articles", "limit=0");
            calls.json(400, "/api/articles", "cursor=" + encode("not one of its cursors"));

            long id = first.get("items").get(0).get("id").asLong();
            HttpResponse<String> article = calls.call(200, "/api/articles/" + id, null, Map.of());
            String etag = article.headers().firstValue("ETag").orElse("");
            calls.call(304, "/api/articles/" + id, null, Map.of("If-None-Match", etag));
            calls.json(404, "/api/articles/987654321", null);

            JsonNode changes = calls.json(200, "/api/changes", "limit=5");
            String since = changes.get("nextCursor").asText();
            calls.json(200, "/api/changes", "since=" + since);
            calls.json(400, "/api/changes", "since=" + encode("not one of its cursors"));
            calls.json(200, "/api/categories", null);
            calls.json(200, "/api/tags", null);
            fake.invoke("reset"); // a new log: the old cursor has expired
            calls.json(410, "/api/changes", "since=" + since);

            // Down, every call is a 503. The document declares no 5xx for these operations (an
            // outage is not an answer article-service chooses), but it names Problem "the body of
            // every 4xx and 5xx answer": that much the fake's 503 is held to.
            fake.invoke("down", true);
            HttpResponse<String> down = calls.send("/api/articles", "limit=2", Map.of());
            assertEquals(503, down.statusCode(), down.body());
            findings.addAll(contract.bodyViolations(exchange(down, Map.of()), "application/problem+json", "Problem"));

            assertEquals(List.of(), findings, "the fake's answers break article-service's document");
        }
    }

    @Test
    void brokenAnswersAreReported() throws Exception {
        OpenApiContract contract = contract();
        try (Fake fake = Fake.start()) {
            Calls calls = new Calls(contract, fake.url(), new ArrayList<>());
            HttpResponse<String> article = calls.call(200, "/api/articles/1", null, Map.of());
            Exchange good = exchange(article, Map.of());
            assertEquals(List.of(), contract.violations(good), "the unbroken answer passes");

            ObjectNode noStatus = (ObjectNode) JSON.readTree(article.body());
            noStatus.remove("status");
            assertReported(contract, withBody(good, noStatus), "required property 'status'");

            ObjectNode wrongType = (ObjectNode) JSON.readTree(article.body());
            wrongType.put("version", "three");
            assertReported(contract, withBody(good, wrongType), "/version");

            Exchange noEtag = new Exchange(
                    good.method(),
                    good.rawPath(),
                    good.rawQuery(),
                    good.requestHeaders(),
                    200,
                    Map.of("Content-Type", List.of("application/json")),
                    good.body());
            assertReported(contract, noEtag, "ETag is required");

            Exchange html = new Exchange(
                    "GET", "/api/tags", null, Map.of(), 200, Map.of("Content-Type", List.of("text/html")), "[]");
            assertReported(contract, html, "media type text/html");

            HttpResponse<String> page = calls.call(200, "/api/articles", "limit=2", Map.of());
            ObjectNode integerCursor = (ObjectNode) JSON.readTree(page.body());
            integerCursor.put("nextCursor", 2);
            assertReported(contract, withBody(exchange(page, Map.of()), integerCursor), "/nextCursor");

            Exchange undeclared = new Exchange(
                    "GET",
                    "/api/categories",
                    null,
                    Map.of(),
                    503,
                    Map.of("Content-Type", List.of("application/problem+json")),
                    "{}");
            assertReported(contract, undeclared, "status 503 is not declared");
            List<String> untitled = contract.bodyViolations(
                    withBody(
                            undeclared,
                            JSON.createObjectNode().put("type", "https://newsdesk.dev/problems/unavailable")),
                    "application/problem+json",
                    "Problem");
            assertTrue(untitled.stream().anyMatch(f -> f.contains("title")), "a problem without title: " + untitled);
            assertReported(contract, withQuery(good, "expand=all"), "query parameter expand is not declared");
            assertReported(contract, withQuery(page(contract, calls), "limit=ten"), "query parameter limit");

            // A string parameter whose value looks like a number is still a string: no finding.
            assertEquals(List.of(), contract.violations(withQuery(page(contract, calls), "cursor=12345&limit=2")));
        }
    }

    private static Exchange page(OpenApiContract contract, Calls calls) throws Exception {
        Exchange page = exchange(calls.call(200, "/api/articles", "limit=2", Map.of()), Map.of());
        assertEquals(List.of(), contract.violations(page));
        return page;
    }

    private static void assertReported(OpenApiContract contract, Exchange broken, String expected) {
        List<String> findings = contract.violations(broken);
        assertTrue(
                findings.stream().anyMatch(f -> f.contains(expected)),
                "expected a finding with \"" + expected + "\", got " + findings);
    }

    private static Exchange withBody(Exchange exchange, JsonNode body) {
        return new Exchange(
                exchange.method(),
                exchange.rawPath(),
                exchange.rawQuery(),
                exchange.requestHeaders(),
                exchange.status(),
                exchange.responseHeaders(),
                body.toString());
    }

    private static Exchange withQuery(Exchange exchange, String rawQuery) {
        return new Exchange(
                exchange.method(),
                exchange.rawPath(),
                rawQuery,
                exchange.requestHeaders(),
                exchange.status(),
                exchange.responseHeaders(),
                exchange.body());
    }

    private static OpenApiContract contract() throws Exception {
        Prerequisite.require(
                Files.isRegularFile(DOCUMENT),
                "article-service's OpenAPI document " + ROOT.relativize(DOCUMENT) + " (build article-service)");
        Prerequisite.require(
                Files.isRegularFile(FAKE_CLASSES.resolve(FAKE.replace('.', '/') + ".class")),
                "feed-service's test classes in " + ROOT.relativize(FAKE_CLASSES)
                        + " (build feed-service with its tests compiled)");
        return OpenApiContract.read(DOCUMENT);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static Exchange exchange(HttpResponse<String> answer, Map<String, String> sent) {
        Map<String, List<String>> requestHeaders = new java.util.HashMap<>();
        sent.forEach((name, value) -> requestHeaders.put(name, List.of(value)));
        return new Exchange(
                answer.request().method(),
                answer.uri().getRawPath(),
                answer.uri().getRawQuery(),
                requestHeaders,
                answer.statusCode(),
                answer.headers().map(),
                answer.body());
    }

    /** GETs against the fake, each checked against the document; findings collect, status must be as expected. */
    private static final class Calls {
        private final OpenApiContract contract;
        private final String base;
        private final List<String> findings;

        Calls(OpenApiContract contract, String base, List<String> findings) {
            this.contract = contract;
            this.base = base;
            this.findings = findings;
        }

        JsonNode json(int expected, String path, String query) throws Exception {
            return JSON.readTree(call(expected, path, query, Map.of()).body());
        }

        HttpResponse<String> call(int expected, String path, String query, Map<String, String> headers)
                throws Exception {
            HttpResponse<String> answer = send(path, query, headers);
            assertEquals(expected, answer.statusCode(), answer.uri() + ": " + answer.body());
            findings.addAll(contract.violations(exchange(answer, headers)));
            return answer;
        }

        HttpResponse<String> send(String path, String query, Map<String, String> headers) throws Exception {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(URI.create(base + path + (query == null ? "" : "?" + query)));
            headers.forEach(request::header);
            return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    /** The fake, loaded from feed-service's compiled test classes (e2e does not depend on feed-service's tests). */
    private record Fake(URLClassLoader loader, Class<?> type, AutoCloseable instance) implements AutoCloseable {

        static Fake start() throws Exception {
            URLClassLoader loader = new URLClassLoader(
                    new URL[] {FAKE_CLASSES.toUri().toURL()}, FakeArticleServiceContractTest.class.getClassLoader());
            Class<?> type = loader.loadClass(FAKE);
            return new Fake(loader, type, (AutoCloseable) type.getConstructor().newInstance());
        }

        String url() throws Exception {
            return (String) type.getMethod("url").invoke(instance);
        }

        void invoke(String method) throws Exception {
            type.getMethod(method).invoke(instance);
        }

        void invoke(String method, boolean argument) throws Exception {
            type.getMethod(method, boolean.class).invoke(instance, argument);
        }

        @Override
        public void close() throws Exception {
            try (loader) {
                instance.close();
            }
        }
    }
}
