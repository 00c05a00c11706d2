package dev.newsdesk.article.articles;

import dev.newsdesk.article.images.ImageUrls.PictureSource;
import dev.newsdesk.article.images.Placeholder;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The first gallery image: its original {@code url} and intrinsic size (as in {@code images}),
 * plus {@code src}/{@code srcset}, the signed image-service URLs (JPEG) to show it with, and
 * {@code sources}, the same widths as AVIF and WebP; {@code placeholder}, what to paint first.
 */
@Schema(requiredProperties = {"url", "width", "height", "src", "srcset", "sources", "placeholder"})
public record LeadImage(
        String url,
        @Schema(nullable = true) Integer width,
        @Schema(nullable = true) Integer height,
        String src,
        String srcset,
        List<PictureSource> sources,

        @Schema(nullable = true, description = "null until image-service has measured the image")
        Placeholder placeholder) {}
