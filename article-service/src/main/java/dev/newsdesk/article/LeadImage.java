package dev.newsdesk.article;

import java.util.List;

import dev.newsdesk.article.images.ImageUrls.PictureSource;

/**
 * The first gallery image: its original {@code url} and intrinsic size (as in {@code images}),
 * plus {@code src}/{@code srcset}, the signed image-service URLs (JPEG) to show it with, and
 * {@code sources}, the same widths as AVIF and WebP.
 */
public record LeadImage(String url, Integer width, Integer height, String src, String srcset, List<PictureSource> sources) {
}
