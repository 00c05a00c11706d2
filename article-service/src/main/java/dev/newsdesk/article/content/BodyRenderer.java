package dev.newsdesk.article.content;

import dev.newsdesk.article.images.GalleryImage;
import dev.newsdesk.article.images.ImageUrls;
import dev.newsdesk.article.images.ImageUrls.PictureSource;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;

/**
 * Turns a stored (already sanitized) body into what clients get: the HTML with every image
 * through the image-service (signed src, width, height, srcset, lazy loading) inside a
 * {@code <picture>} whose AVIF and WebP {@code <source>}s a browser takes when it decodes them
 * (the JPEG {@code <img>} stays the fallback and carries size, loading and alt), and the same
 * body as typed blocks for native apps, in reading order.
 */
public final class BodyRenderer {

    /** Matches the article column: full width on phones, {@value ImageUrls#DISPLAY_WIDTH} px on desktops. */
    static final String SIZES = "(max-width: 720px) 100vw, 720px";

    private final ImageUrls imageUrls;

    public BodyRenderer(ImageUrls imageUrls) {
        this.imageUrls = imageUrls;
    }

    public record RenderedBody(String html, List<Block> blocks) {}

    public RenderedBody render(String storedHtml, List<GalleryImage> gallery) {
        return render(storedHtml, gallery, "");
    }

    /** @param title the article's, for the alt text of images nothing else describes ({@link FigureAlt}) */
    public RenderedBody render(String storedHtml, List<GalleryImage> gallery, String title) {
        Map<String, GalleryImage> known = new HashMap<>();
        gallery.forEach(g -> known.putIfAbsent(g.url(), g));
        Document doc = Jsoup.parseBodyFragment(storedHtml);
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.xhtml);
        FigureAlt.describe(doc.body(), title);
        for (Element img : doc.select(Selectors.IMG)) {
            String original = img.attr("src");
            GalleryImage image =
                    known.getOrDefault(original, GalleryImage.of(original, img.attr("width"), img.attr("height")));
            ImageUrls.Rendition r = imageUrls.render(image);
            img.attr("src", r.src()).removeAttr("width").removeAttr("height");
            if (r.width() != null) {
                img.attr("width", r.width().toString())
                        .attr("height", r.height().toString());
                img.attr("srcset", r.srcset()).attr("sizes", SIZES);
            }
            img.attr("loading", "lazy");
            Element picture = img.wrap("<picture></picture>").parent();
            for (PictureSource source : r.sources()) {
                Element element =
                        new Element("source").attr("type", source.type()).attr("srcset", source.srcset());
                if (r.width() != null) {
                    element.attr("sizes", SIZES);
                }
                img.before(element);
            }
        }
        List<Block> blocks = new ArrayList<>();
        for (Node node : doc.body().childNodes()) {
            addBlocks(node, blocks);
        }
        return new RenderedBody(doc.body().html(), List.copyOf(blocks));
    }

    private static void addBlocks(Node node, List<Block> blocks) {
        if (node instanceof TextNode t) {
            paragraph(t.text(), blocks);
            return;
        }
        if (!(node instanceof Element e)) {
            return;
        }
        switch (e.tagName()) {
            case "h1", "h2", "h3", "h4", "h5", "h6" ->
                blocks.add(Block.heading(e.tagName().charAt(1) - '0', e.text()));
            case "ul", "ol" ->
                blocks.add(Block.list(
                        e.tagName().equals("ol"),
                        e.children().stream()
                                .filter(li -> li.tagName().equals("li"))
                                .map(Element::text)
                                .toList()));
            case "blockquote" -> blocks.add(Block.quote(e.text()));
            case "table" ->
                blocks.add(Block.table(e.select(Selectors.TABLE_ROW).stream()
                        .map(tr -> tr.children().stream().map(Element::text).toList())
                        .toList()));
            case "img" -> blocks.add(image(e));
            case "hr", "br" -> {}
            default -> {
                // p, figure, pre and inline runs: their text, then the images they hold.
                paragraph(e.text(), blocks);
                e.select(Selectors.IMG).forEach(img -> blocks.add(image(img)));
            }
        }
    }

    private static void paragraph(String text, List<Block> blocks) {
        if (!text.isBlank()) {
            blocks.add(Block.paragraph(text.strip()));
        }
    }

    private static Block image(Element img) {
        Element picture = img.parent();
        List<PictureSource> sources = picture == null || !picture.tagName().equals("picture")
                ? null
                : picture.select("> source").stream()
                        .map(s -> new PictureSource(s.attr("type"), s.attr("srcset")))
                        .toList();
        return Block.image(
                img.attr("src"),
                intOrNull(img.attr("width")),
                intOrNull(img.attr("height")),
                img.hasAttr("srcset") ? img.attr("srcset") : null,
                sources);
    }

    private static Integer intOrNull(String s) {
        return s.matches("\\d+") ? Integer.valueOf(s) : null;
    }
}
