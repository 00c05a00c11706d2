package dev.newsdesk.http;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem document, the body of every 4xx and 5xx answer.
 * {@code errors} is present only for validation problems and names each bad field.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";

    /** One bad field of a request: its name (a JSON field, a query parameter, a front-matter key) and why. */
    public record FieldError(String field, String message) {}

    public static URI typeFor(String slug) {
        return URI.create("https://newsdesk.dev/problems/" + slug);
    }
}
