package dev.newsdesk.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.atlassian.oai.validator.OpenApiInteractionValidator;
import com.atlassian.oai.validator.model.Request;
import com.atlassian.oai.validator.model.SimpleRequest;
import com.atlassian.oai.validator.model.SimpleResponse;
import com.atlassian.oai.validator.report.ValidationReport;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * feed-service's tests poll a hand-written stand-in for article-service (FakeArticleService, in
 * feed-service's test classes). Here every kind of answer it gives feed-service, errors included,
 * is validated against article-service's real OpenAPI document, as its build wrote it, by
 * Atlassian's swagger-request-validator: paths, parameters, status codes, media types and
 * bodies. A fake that drifts from the service it stands for would let feed-service pass against
 * an article-service that does not exist.
 */
class FakeArticleServiceContractTest {

    private static final Path ROOT =
            Path.of(System.getProperty("newsdesk.root", "..")).toAbsolutePath().normalize();
    private static final HttpClient HTTP = BoundedHttpClient.create();
    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void everyAnswerOfTheFakeMatchesArticleServicesDocument() throws Exception {
        Path document = ROOT.resolve("article-service/target/openapi/openapi.yaml");
        Path fakeClasses = ROOT.resolve("feed-service/target/test-classes");
        assertTrue(
                Files.exists(document) && Files.isDirectory(fakeClasses),
                "build article-service and feed-service's tests first");
        OpenApiInteractionValidator validator = OpenApiInteractionValidator.createForSpecificationUrl(
                        document.toUri().toString())
                .build();

        try (URLClassLoader loader = new URLClassLoader(
                new URL[] {fakeClasses.toUri().toURL()}, getClass().getClassLoader())) {
            Class<?> type = loader.loadClass("dev.newsdesk.feed.source.FakeArticleService");
            AutoCloseable fake = (AutoCloseable) type.getConstructor().newInstance();
            try (fake) {
                String base = (String) type.getMethod("url").invoke(fake);
                List<String> findings = new ArrayList<>();

                JsonNode first = check(validator, base, "/api/articles", "limit=2", 200, findings);
                String next = first.get("nextCursor").asText();
                check(validator, base, "/api/articles", "limit=2&cursor=" + next, 200, findings);
                long id = first.get("items").get(0).get("id").asLong();
                check(validator, base, "/api/articles/" + id, null, 200, findings);
                check(validator, base, "/api/articles/987654321", null, 404, findings);
                JsonNode changes = check(validator, base, "/api/changes", "limit=5", 200, findings);
                String since = changes.get("nextCursor").asText();
                check(validator, base, "/api/changes", "since=" + since, 200, findings);
                check(validator, base, "/api/categories", null, 200, findings);
                check(validator, base, "/api/tags", null, 200, findings);
                type.getMethod("reset").invoke(fake); // a new log: the old cursor has expired
                check(validator, base, "/api/changes", "since=" + since, 410, findings);

                assertEquals(List.of(), findings, "the fake's answers break article-service's document");
            }
        }
    }

    /** One GET against the fake, validated as a request and response of article-service; returns the body. */
    private static JsonNode check(
            OpenApiInteractionValidator validator,
            String base,
            String path,
            String query,
            int expected,
            List<String> findings)
            throws Exception {
        URI uri = URI.create(base + path + (query == null ? "" : "?" + query));
        HttpResponse<String> answer =
                HTTP.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(expected, answer.statusCode(), uri + ": " + answer.body());
        SimpleRequest.Builder request = SimpleRequest.Builder.get(path);
        if (query != null) {
            for (String pair : query.split("&")) {
                String[] kv = pair.split("=", 2);
                request.withQueryParam(kv[0], kv[1]);
            }
        }
        SimpleResponse.Builder response =
                SimpleResponse.Builder.status(answer.statusCode()).withBody(answer.body());
        answer.headers().map().forEach((name, values) -> response.withHeader(name, values));
        ValidationReport report = validator.validate(request.build(), response.build());
        report.getMessages().stream()
                .filter(m -> m.getLevel() == ValidationReport.Level.ERROR)
                .forEach(m -> findings.add(Request.Method.GET + " " + uri + ": " + m.getKey() + " " + m.getMessage()));
        if (expected >= 400) {
            assertEquals(
                    "application/problem+json",
                    answer.headers().firstValue("Content-Type").orElse(""),
                    uri + " answers a problem document");
            JsonNode problem = JSON.readTree(answer.body());
            for (String field : List.of("type", "title", "status", "detail")) {
                assertFalse(problem.path(field).isMissingNode(), uri + " problem lacks " + field);
            }
        }
        return JSON.readTree(answer.body());
    }
}
