package dev.newsdesk.article;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The first gallery image: its original {@code url} and intrinsic size (as in {@code images}),
 * plus {@code src}/{@code srcset}, the signed image-service URLs to show it with.
 */
@Schema(requiredProperties = { "url", "width", "height", "src", "srcset" })
public record LeadImage(String url, @Schema(nullable = true) Integer width, @Schema(nullable = true) Integer height, String src,
        String srcset) {
}
