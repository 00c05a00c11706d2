package dev.newsdesk.e2e.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.e2e.BoundedHttpClient;
import dev.newsdesk.e2e.GalleryOrigin;
import dev.newsdesk.e2e.NewsdeskSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A client of the local cluster's ingress, as an app, a reader or an editor would use it, plus replica metrics. */
final class Edge {

    static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = BoundedHttpClient.create();

    private Edge() {}

    static URI url(String pathAndQuery) {
        return URI.create(RunningCluster.cluster().ingressUrl() + pathAndQuery);
    }

    static HttpResponse<String> get(String pathAndQuery) {
        return send(HttpRequest.newBuilder(url(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .build());
    }

    /** How long {@link #send} keeps trying while the edge's rate limit answers 429. */
    private static final Duration LIMITED = Duration.ofSeconds(30);

    /**
     * One request; a 429 from the edge's rate limit is waited out (its {@code Retry-After}, until
     * {@link #LIMITED}): the limit is EdgeLimitsTest's subject, and whichever class runs after it
     * must not depend on how long ago that test emptied the bucket.
     */
    static HttpResponse<String> send(HttpRequest request) {
        long deadline = System.nanoTime() + LIMITED.toNanos();
        HttpResponse<String> answer = sendOnce(request);
        while (answer.statusCode() == 429 && System.nanoTime() < deadline) {
            pause(Duration.ofSeconds(
                    Long.parseLong(answer.headers().firstValue("Retry-After").orElse("1"))));
            answer = sendOnce(request);
        }
        return answer;
    }

    /** {@link #get} without waiting out the rate limit: the 429 is the answer. */
    static HttpResponse<String> getOnce(String pathAndQuery) {
        return sendOnce(HttpRequest.newBuilder(url(pathAndQuery))
                .timeout(Duration.ofSeconds(30))
                .build());
    }

    /** {@link #send} without waiting out the rate limit: the 429 is the answer. */
    static HttpResponse<String> sendOnce(HttpRequest request) {
        try {
            return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A create through the ingress: {@code POST /api/articles} with the write token. */
    static HttpRequest create(String title) {
        ObjectNode body = JSON.createObjectNode();
        body.put("title", title);
        body.put("bodyHtml", "<p>" + title + "：集群测试写入的正文。</p>");
        body.put("publishedAt", "2024-05-01T10:00:00+08:00");
        body.putArray("categories").add("cluster");
        body.putArray("tags");
        return HttpRequest.newBuilder(url("/api/articles"))
                .timeout(Duration.ofSeconds(30))
                .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body.toString(), StandardCharsets.UTF_8))
                .build();
    }

    /** Imports a post whose gallery is {@code images} on the local origin; returns the article as JSON. */
    static JsonNode importGallery(String title, List<String> images) {
        GalleryOrigin origin = RunningCluster.galleryOrigin();
        StringBuilder body = new StringBuilder("<p>集群图库测试的第一段。</p>\n");
        for (String image : images) {
            body.append("<p><img src=\"").append(origin.url(image)).append("\"></p>\n");
        }
        String post = """
                ---
                layout: post
                title: "%s"
                date: 2024-03-05 09:30:00 +0800
                categories: cluster
                ---
                %s
                （文章来源：集群测试）
                """.formatted(title, body);
        HttpResponse<String> imported = send(HttpRequest.newBuilder(url("/api/import"))
                .header("Content-Type", "text/markdown")
                .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                .POST(HttpRequest.BodyPublishers.ofString(post, StandardCharsets.UTF_8))
                .build());
        if (imported.statusCode() != 201 && imported.statusCode() != 200) {
            throw new IllegalStateException("import: " + imported.statusCode() + " " + imported.body());
        }
        try {
            return JSON.readTree(imported.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Every image URL an article's blocks name (src, then the srcset candidates), each once, in order. */
    static List<String> imageUrls(JsonNode article) {
        List<String> urls = new ArrayList<>();
        for (JsonNode block : article.get("blocks")) {
            if (block.get("type").asText().equals("image")) {
                add(urls, block.get("src").asText());
                for (String candidate : block.get("srcset").asText().split(",\\s*")) {
                    add(urls, candidate.strip().split("\\s+")[0]);
                }
            }
        }
        return urls;
    }

    private static void add(List<String> urls, String url) {
        if (!urls.contains(url)) {
            urls.add(url);
        }
    }

    /** The sum over a replica's Prometheus samples of {@code name} whose labels contain {@code labels}. */
    static double metric(Replica replica, String name, String labels) {
        HttpResponse<String> metrics =
                send(HttpRequest.newBuilder(URI.create("http://localhost:" + replica.port() + "/q/metrics"))
                        .timeout(Duration.ofSeconds(10))
                        .build());
        Pattern sample = Pattern.compile("^" + Pattern.quote(name) + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE);
        Matcher m = sample.matcher(metrics.body());
        double sum = 0;
        while (m.find()) {
            if (labels.isEmpty() || (m.group(1) != null && m.group(1).contains(labels))) {
                sum += Double.parseDouble(m.group(2));
            }
        }
        return sum;
    }

    /** {@link #metric} summed over every replica of a service. */
    static double metric(String service, String name, String labels) {
        return RunningCluster.cluster().replicas(service).stream()
                .mapToDouble(r -> metric(r, name, labels))
                .sum();
    }

    private static void pause(Duration duration) {
        try {
            Thread.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
