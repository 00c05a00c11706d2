package dev.newsdesk.article;

import java.util.List;

/**
 * The answer to a zip import: how many posts were created and updated, each post's outcome,
 * and each rejected file with the reason.
 */
public record ImportReport(int created, int updated, List<Rejection> rejected, List<Imported> articles) {

    public record Rejection(String file, String reason) {
    }

    public record Imported(String file, long id, String slug, String outcome) {
    }
}
