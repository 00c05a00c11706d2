package dev.newsdesk.article.images;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What to paint before a gallery image arrives, as image-service measured it: the average colour
 * and a ThumbHash (github.com/evanw/thumbhash; decoders exist for iOS, Android and JavaScript).
 */
@Schema(
        name = "Placeholder",
        description = "What to paint before the image arrives",
        requiredProperties = {"color", "thumbhash"})
public record Placeholder(
        @Schema(description = "average colour", pattern = "^#[0-9a-f]{6}$", example = "#8f816b")
        String color,

        @Schema(
                description = "ThumbHash of the picture (aspect ratio and alpha included), standard base64",
                example = "3xgGawi6cLdXdoZ4eIB3EAg=")
        String thumbhash) {}
