package dev.newsdesk.http;

import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The one table of generic problems every service answers with: an HTTP status, the problem
 * type's slug (the last segment of {@code type}, also a metrics tag) and the title, which is the
 * status's reason phrase as RFC 9110 spells it. The exception mapper, the unmatched-route
 * handlers and {@link ProblemException}'s factories all read it, so one status never gets two
 * titles. A service's own problems (an unusable image, say) keep their own slug and title.
 */
public final class ProblemVocabulary {

    /** One generic problem: {@code status}, its type slug and its title. */
    public record Entry(int status, String slug, String title) {}

    private static final Map<Integer, Entry> BY_STATUS = Stream.of(
                    new Entry(400, "bad-request", "Bad Request"),
                    new Entry(401, "unauthorized", "Unauthorized"),
                    new Entry(403, "forbidden", "Forbidden"),
                    new Entry(404, "not-found", "Not Found"),
                    new Entry(405, "method-not-allowed", "Method Not Allowed"),
                    new Entry(406, "not-acceptable", "Not Acceptable"),
                    new Entry(409, "conflict", "Conflict"),
                    new Entry(410, "gone", "Gone"),
                    new Entry(412, "precondition-failed", "Precondition Failed"),
                    new Entry(413, "too-large", "Content Too Large"),
                    new Entry(415, "unsupported-media-type", "Unsupported Media Type"),
                    new Entry(422, "unprocessable", "Unprocessable Content"),
                    new Entry(428, "precondition-required", "Precondition Required"),
                    new Entry(429, "too-many-requests", "Too Many Requests"),
                    new Entry(500, "internal", "Internal Server Error"),
                    new Entry(502, "bad-gateway", "Bad Gateway"),
                    new Entry(503, "unavailable", "Service Unavailable"),
                    new Entry(504, "gateway-timeout", "Gateway Timeout"))
            .collect(Collectors.toUnmodifiableMap(Entry::status, Function.identity()));

    /** Invalid fields of an otherwise readable request: a 400 of its own type, with an {@code errors} list. */
    public static final Entry VALIDATION = new Entry(400, "validation", "Invalid Input");

    private ProblemVocabulary() {}

    /** The entry of {@code status}; a status outside the table gets {@code http-<status>} and {@code HTTP <status>}. */
    public static Entry forStatus(int status) {
        Entry known = BY_STATUS.get(status);
        return known != null ? known : new Entry(status, "http-" + status, "HTTP " + status);
    }

    public static String title(int status) {
        return forStatus(status).title();
    }
}
