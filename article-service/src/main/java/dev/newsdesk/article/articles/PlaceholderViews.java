package dev.newsdesk.article.articles;

import dev.newsdesk.article.content.Block;
import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.images.ImageUrls;
import dev.newsdesk.article.images.Placeholders;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Gives each image block the placeholder of its gallery image. A block knows its image by the
 * signed {@code src} the renderer wrote, which is the same function of the gallery image here.
 */
final class PlaceholderViews {

    private PlaceholderViews() {}

    static List<Block> painted(
            List<Block> blocks, List<GalleryImage> gallery, Placeholders placeholders, ImageUrls imageUrls) {
        Map<String, String> originalBySrc = new HashMap<>();
        for (GalleryImage image : gallery) {
            originalBySrc.putIfAbsent(imageUrls.render(image).src(), image.url());
        }
        return blocks.stream()
                .map(b -> b.type().equals("image")
                        ? b.withPlaceholder(placeholders.of(originalBySrc.getOrDefault(b.src(), "")))
                        : b)
                .toList();
    }
}
