package dev.newsdesk.article.pages;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/**
 * Pages fetched over raw HTTP/1.1 (the JDK client, which does not decode gzip by itself), each
 * asking which kind of thread answered it ({@link AnsweringThread}).
 */
final class RawPages {

    static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();

    private RawPages() {}

    /** GET {@code path}; {@code acceptEncoding} and {@code ifNoneMatch} are sent unless null. */
    static HttpResponse<byte[]> get(URI base, String path, String acceptEncoding, String ifNoneMatch)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(10))
                .header(AnsweringThread.ASK, "yes");
        if (acceptEncoding != null) {
            request.header("Accept-Encoding", acceptEncoding);
        }
        if (ifNoneMatch != null) {
            request.header("If-None-Match", ifNoneMatch);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
    }

    /** {@code event-loop} or {@code worker}: the thread that answered. */
    static String thread(HttpResponse<?> response) {
        return response.headers().firstValue(AnsweringThread.ANSWER).orElse("none");
    }
}
