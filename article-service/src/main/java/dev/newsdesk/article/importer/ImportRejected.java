package dev.newsdesk.article.importer;

import dev.newsdesk.http.Problem;
import dev.newsdesk.http.ProblemException;
import java.util.List;

/**
 * Why a post cannot be imported, with the field or front-matter line at fault. Plain so the
 * parser stays free of HTTP; {@link #toProblem()} makes the 4xx answer for a single post and
 * {@link #getMessage()} the reason in a zip report.
 */
public class ImportRejected extends RuntimeException {

    private final int status;
    private final String field;

    public ImportRejected(String field, String message) {
        this(400, field, message);
    }

    public ImportRejected(int status, String field, String message) {
        super(message);
        this.status = status;
        this.field = field;
    }

    public String field() {
        return field;
    }

    public ProblemException toProblem() {
        if (status == 413) {
            return ProblemException.of(413, getMessage());
        }
        return ProblemException.invalid(getMessage(), List.of(new Problem.FieldError(field, getMessage())));
    }
}
