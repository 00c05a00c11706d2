package dev.newsdesk.article.articles;

import dev.newsdesk.article.content.XmlText;
import dev.newsdesk.article.store.ArticleQuery;
import dev.newsdesk.article.store.Visibility;
import dev.newsdesk.http.Problem;
import dev.newsdesk.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * What a client wrote, turned into values the service can use, or a 400 problem that names each
 * field in error: the body of a create or an update ({@link #draft}) and a listing's query
 * parameters ({@link #query}). A write's problems are collected and reported together, so an
 * editor fixes them in one round; a listing's first bad parameter is reported alone.
 */
public final class ArticleValidator {

    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;
    /** The widest category or tag name. */
    static final int MAX_NAME_CHARS = 100;
    /** What a write may ask for and a listing may filter on; scheduled follows from publishedAt. */
    static final List<String> STATUSES = List.of(Visibility.PUBLISHED, Visibility.SCHEDULED, Visibility.DRAFT);

    private ArticleValidator() {}

    public static ArticleDraft draft(ArticleInput in) {
        if (in == null) {
            throw ProblemException.badRequest("The request needs a JSON body");
        }
        List<Problem.FieldError> errors = new ArrayList<>();
        if (in.title() == null || in.title().isBlank()) {
            errors.add(new Problem.FieldError("title", "is required"));
        } else if (in.title().length() > ArticleDraft.MAX_TITLE_CHARS) {
            errors.add(
                    new Problem.FieldError("title", "is longer than " + ArticleDraft.MAX_TITLE_CHARS + " characters"));
        }
        OffsetDateTime published = null;
        if (in.publishedAt() == null || in.publishedAt().isBlank()) {
            errors.add(new Problem.FieldError("publishedAt", "is required"));
        } else {
            try {
                published = OffsetDateTime.parse(in.publishedAt().strip());
            } catch (DateTimeParseException e) {
                errors.add(new Problem.FieldError(
                        "publishedAt", "must be RFC 3339 with an offset, e.g. 2024-03-05T09:30:00+08:00"));
            }
        }
        if (in.bodyHtml() != null
                && in.bodyHtml().getBytes(StandardCharsets.UTF_8).length > ArticleDraft.MAX_BODY_BYTES) {
            errors.add(new Problem.FieldError("bodyHtml", "is larger than 1 MiB"));
        }
        List<String> categories = names("categories", in.categories(), errors);
        List<String> tags = names("tags", in.tags(), errors);
        if (in.source() != null
                && in.source().url() != null
                && !in.source().url().matches("(?i)https?://\\S+")) {
            errors.add(new Problem.FieldError("source.url", "must be an http(s) URL"));
        }
        if (in.status() != null && !STATUSES.contains(in.status())) {
            errors.add(new Problem.FieldError("status", "must be one of " + String.join(", ", STATUSES)));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalid(
                    errors.stream()
                            .map(f -> f.field() + " " + f.message())
                            .reduce((a, b) -> a + "; " + b)
                            .orElse(""),
                    errors);
        }
        return new ArticleDraft(
                XmlText.legal(in.title().strip()), published, categories, tags, Visibility.DRAFT.equals(in.status()));
    }

    /** The listing's filters and position; its {@code limit} is the page size asked for. */
    public static ArticleQuery query(ListParams p) {
        int limit = limitOf(p.limit());
        ListCursor after = p.cursor() == null || p.cursor().isBlank() ? null : ListCursor.decode(p.cursor());
        String text = blankToNull(p.q());
        // A search continues by rank: a newest-first cursor cannot say where a ranked page ended.
        // (A search cursor on a plain listing names a position in time all the same.)
        if (after != null && text != null && after.rank() == null) {
            throw ProblemException.invalidField("cursor", "is not a cursor of this search");
        }
        return new ArticleQuery(
                blankToNull(p.category()),
                blankToNull(p.tag()),
                blankToNull(p.source()),
                text,
                instantOf("from", p.from(), false),
                instantOf("to", p.to(), true),
                after == null ? null : after.publishedAt(),
                after == null ? null : after.id(),
                after == null || text == null ? null : after.rank(),
                limit,
                statusOf(p.status()));
    }

    /** A listing's status: null for the public's listing, else one the caller may see. */
    private static String statusOf(String value) {
        String status = blankToNull(value);
        if (status == null || STATUSES.contains(status)) {
            return status;
        }
        throw ProblemException.invalidField("status", "must be one of " + String.join(", ", STATUSES));
    }

    private static List<String> names(String field, List<String> given, List<Problem.FieldError> errors) {
        if (given == null) {
            return List.of();
        }
        List<String> names = new ArrayList<>();
        for (String name : given) {
            if (name == null || name.isBlank() || name.length() > MAX_NAME_CHARS) {
                errors.add(new Problem.FieldError(field, "names must be 1 to " + MAX_NAME_CHARS + " characters"));
                return List.of();
            }
            names.add(XmlText.legal(name.strip()));
        }
        return names.stream().distinct().toList();
    }

    private static int limitOf(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        try {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        } catch (NumberFormatException e) {
            // falls through to the same answer as an out-of-range number
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }

    /** RFC 3339, or a bare date: the start of that day (UTC) for {@code from}, its end for {@code to}. */
    private static Instant instantOf(String field, String value, boolean endOfDay) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value.strip()).toInstant();
        } catch (DateTimeParseException notATimestamp) {
            try {
                LocalDate day = LocalDate.parse(value.strip());
                return (endOfDay ? day.plusDays(1).atStartOfDay().minusNanos(1) : day.atStartOfDay())
                        .toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException notADate) {
                throw ProblemException.invalidField(
                        field, "must be RFC 3339 (2024-03-05T09:30:00+08:00) or a date (2024-03-05)");
            }
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
