package dev.newsdesk.article.content;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Where an article comes from: the attribution's name and the original's URL (either may be null). */
@Schema(requiredProperties = {"name", "url"})
public record Source(
        @Schema(nullable = true) String name,
        @Schema(nullable = true) String url) {

    public static final Source NONE = new Source(null, null);
}
