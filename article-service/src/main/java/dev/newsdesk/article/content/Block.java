package dev.newsdesk.article.content;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.newsdesk.article.images.ImageUrls.PictureSource;
import dev.newsdesk.article.images.Placeholder;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * One piece of the body for native apps, in reading order. {@code type} says which fields are
 * set: paragraph and quote {text}; heading {level, text}; list {ordered, items}; table {rows};
 * image {src, width, height, srcset, sources, placeholder} (src/srcset JPEG; sources the AVIF and
 * WebP srcsets; placeholder the colour and ThumbHash, null until measured).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = "type")
public record Block(
        @Schema(enumeration = {"paragraph", "quote", "heading", "list", "table", "image"})
        String type,

        String text,
        Integer level,
        Boolean ordered,
        List<String> items,
        List<List<String>> rows,
        String src,
        Integer width,
        Integer height,
        String srcset,
        List<PictureSource> sources,

        @Schema(
                implementation = Placeholder.class,
                nullable = true,
                description = "image blocks only: null until image-service has measured the image")
        Optional<Placeholder> placeholder) {

    public static Block paragraph(String text) {
        return new Block("paragraph", text, null, null, null, null, null, null, null, null, null, null);
    }

    public static Block quote(String text) {
        return new Block("quote", text, null, null, null, null, null, null, null, null, null, null);
    }

    public static Block heading(int level, String text) {
        return new Block("heading", text, level, null, null, null, null, null, null, null, null, null);
    }

    public static Block list(boolean ordered, List<String> items) {
        return new Block("list", null, null, ordered, items, null, null, null, null, null, null, null);
    }

    public static Block table(List<List<String>> rows) {
        return new Block("table", null, null, null, null, rows, null, null, null, null, null, null);
    }

    public static Block image(String src, Integer width, Integer height, String srcset, List<PictureSource> sources) {
        return new Block("image", null, null, null, null, null, src, width, height, srcset, sources, Optional.empty());
    }

    /**
     * This image block with its placeholder (null: not measured yet). Image blocks always carry the
     * field, null included ({@code Optional.empty()} is written as null), other blocks never.
     */
    public Block withPlaceholder(Placeholder measured) {
        return new Block(
                type,
                text,
                level,
                ordered,
                items,
                rows,
                src,
                width,
                height,
                srcset,
                sources,
                Optional.ofNullable(measured));
    }
}
