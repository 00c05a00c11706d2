package dev.newsdesk.article;

/**
 * The first gallery image: its original {@code url} and intrinsic size (as in {@code images}),
 * plus {@code src}/{@code srcset}, the signed image-service URLs to show it with.
 */
public record LeadImage(String url, Integer width, Integer height, String src, String srcset) {
}
