package dev.newsdesk.article.importer;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The answer to a zip import: how many posts were created and updated, each post's outcome,
 * and each rejected file with the reason.
 */
@Schema(requiredProperties = {"created", "updated", "rejected", "articles"})
public record ImportReport(int created, int updated, List<Rejection> rejected, List<Imported> articles) {

    @Schema(requiredProperties = {"file", "reason"})
    public record Rejection(String file, String reason) {}

    @Schema(requiredProperties = {"file", "id", "slug", "outcome"})
    public record Imported(
            String file,
            long id,
            String slug,
            @Schema(enumeration = {"created", "updated"}) String outcome) {}
}
