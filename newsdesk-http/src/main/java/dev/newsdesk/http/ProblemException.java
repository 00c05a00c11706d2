package dev.newsdesk.http;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The one exception type domain code throws for a request it cannot serve. It carries
 * everything the problem document needs, so the mapper has no decisions to make.
 * The factories here are the problems every service has; a service's own (an image
 * origin that times out, say) live in its {@code error} package and build this same type.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.FieldError> errors;
    private final Map<String, String> headers = new LinkedHashMap<>();

    public ProblemException(int status, String slug, String title, String detail, List<Problem.FieldError> errors) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.errors = errors == null || errors.isEmpty() ? null : List.copyOf(errors);
    }

    /**
     * A problem of a generic kind: {@code slug} names the reason (one of a service's own, or the
     * status's own slug) and the title is the status's, from {@link ProblemVocabulary}.
     */
    public ProblemException(int status, String slug, String detail) {
        this(status, slug, ProblemVocabulary.title(status), detail, null);
    }

    /** The generic problem of {@code status}: its slug and title from {@link ProblemVocabulary}. */
    public static ProblemException of(int status, String detail) {
        return new ProblemException(status, ProblemVocabulary.forStatus(status).slug(), detail);
    }

    public static ProblemException badRequest(String detail) {
        return of(400, detail);
    }

    public static ProblemException invalid(String detail, List<Problem.FieldError> errors) {
        ProblemVocabulary.Entry validation = ProblemVocabulary.VALIDATION;
        return new ProblemException(validation.status(), validation.slug(), validation.title(), detail, errors);
    }

    public static ProblemException invalidField(String field, String message) {
        return invalid(field + ": " + message, List.of(new Problem.FieldError(field, message)));
    }

    public static ProblemException notFound(String detail) {
        return of(404, detail);
    }

    /**
     * 503 with {@code Retry-After}: the service cannot answer now (a full work queue, no feed
     * built yet) and the client should come back. One slug for every 503, the same one the
     * mapper gives a framework 503, so clients and dashboards see one reason, not two.
     */
    public static ProblemException unavailable(String detail, int retryAfterSeconds) {
        return of(503, detail).withHeader("Retry-After", Integer.toString(retryAfterSeconds));
    }

    /** The problem type's last segment: a stable reason, also used as a metrics tag. */
    public String slug() {
        return slug;
    }

    /**
     * Adds a header the answer must carry ({@code Retry-After} on a 503, {@code WWW-Authenticate}
     * on a 401): the mapper copies them all, so no status needs a special case there.
     */
    public ProblemException withHeader(String name, String value) {
        headers.put(name, value);
        return this;
    }

    public Map<String, String> headers() {
        return Map.copyOf(headers);
    }

    public int status() {
        return status;
    }

    public Problem toProblem(String instance) {
        return new Problem(Problem.typeFor(slug), title, status, getMessage(), instance, errors);
    }
}
