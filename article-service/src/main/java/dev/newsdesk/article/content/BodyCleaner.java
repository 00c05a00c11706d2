package dev.newsdesk.article.content;

import dev.newsdesk.article.images.GalleryImage;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.safety.Cleaner;

/**
 * Turns an untrusted body (HTML, possibly from Markdown) into what we store: sanitized HTML that
 * still points at the original gallery URLs (signing happens when rendering, so a key rotation
 * needs no migration), the gallery with intrinsic sizes, the source, and the plain text.
 * <p>
 * For imported posts it also takes out what the republishing site wrapped around the story: the
 * attribution {@code （文章来源：NAME）}, the bare link to the original on a line of its own
 * (CommonMark renders {@code <http://…>} as a paragraph holding one autolink) and the trailing
 * navigation line {@code 返回…｜返回首页}.
 */
public final class BodyCleaner {

    /** Full-width parentheses as the sources write them; ASCII ones and "来源" alone also occur. */
    private static final Pattern ATTRIBUTION = Pattern.compile("[（(]\\s*(?:文章)?来源\\s*[：:]\\s*([^）)]{1,100}?)\\s*[）)]");

    private static final Pattern NAVIGATION_GLUE = Pattern.compile("[\\s｜|/·•-]*");
    private static final Cleaner CLEANER = new Cleaner(NewsSafelist.create());

    /** The outcome: sanitized HTML with original image URLs, the gallery, the source and the plain text. */
    public record CleanBody(String html, List<GalleryImage> images, Source source, String text) {}

    /**
     * @param takeOutSiteParts true for imported posts: extract attribution and original link,
     *        drop navigation; false for bodies an editor sent through the API
     */
    public CleanBody clean(String untrustedHtml, boolean takeOutSiteParts) {
        Document dirty = Jsoup.parseBodyFragment(XmlText.legal(untrustedHtml == null ? "" : untrustedHtml));
        // Unwrapping these would leak their raw contents as text; drop them whole.
        dirty.select(Selectors.UNSAFE_CONTAINERS).remove();
        String sourceName = null;
        String sourceUrl = null;
        if (takeOutSiteParts) {
            sourceName = takeAttribution(dirty.body());
            sourceUrl = takeOriginalLink(dirty.body());
            dropNavigation(dirty.body());
        }
        Document clean = CLEANER.clean(dirty);
        clean.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.xhtml);
        clean.select(Selectors.IMG_WITHOUT_SRC).remove(); // its URL was not http(s), so nothing is left to show
        List<GalleryImage> images = new ArrayList<>();
        for (Element img : clean.select(Selectors.IMG)) {
            GalleryImage image = GalleryImage.of(img.attr("src"), img.attr("width"), img.attr("height"));
            images.add(image);
            img.removeAttr("width").removeAttr("height");
            if (image.width() != null) {
                img.attr("width", image.width().toString())
                        .attr("height", image.height().toString());
            }
            if (img.parent() == clean.body()) {
                img.wrap("<figure></figure>");
            }
        }
        for (Element a : clean.select(Selectors.LINK_WITH_HREF)) {
            if (a.attr("href").startsWith("http")) {
                a.attr("rel", "nofollow noopener");
            }
        }
        for (Element p : clean.select(Selectors.PARAGRAPH)) {
            if (p.text().isBlank() && p.select(Selectors.IMG).isEmpty()) {
                p.remove();
            }
        }
        removeBlankTopLevelText(clean.body());
        return new CleanBody(
                clean.body().html(),
                List.copyOf(images),
                new Source(sourceName, sourceUrl),
                clean.body().text());
    }

    private static String takeAttribution(Element body) {
        for (TextNode text : allTextNodes(body)) {
            Matcher m = ATTRIBUTION.matcher(text.getWholeText());
            if (m.find()) {
                String name = m.group(1).strip();
                text.text(text.getWholeText().substring(0, m.start())
                        + text.getWholeText().substring(m.end()));
                removeIfEmpty(text.parent());
                return name.isEmpty() ? null : name;
            }
        }
        return null;
    }

    /** A paragraph whose whole text is one link showing its own URL: the original, on a line of its own. */
    private static String takeOriginalLink(Element body) {
        for (Element a : body.select(Selectors.PARAGRAPH_LINK)) {
            Element p = a.parent();
            String href = a.attr("href").strip();
            if (href.matches("(?i)https?://\\S+")
                    && a.text().strip().equals(href)
                    && p.text().strip().equals(href)
                    && p.select(Selectors.IMG).isEmpty()) {
                p.remove();
                return href;
            }
        }
        return null;
    }

    /** Lines made only of "返回…" links and separators are the republishing site's navigation. */
    private static void dropNavigation(Element body) {
        for (Element line : body.select(Selectors.LINE)) {
            var links = line.select(Selectors.LINK);
            if (links.isEmpty() || !line.select(Selectors.IMG).isEmpty()) {
                continue;
            }
            boolean allNavigation = links.stream()
                    .allMatch(a -> a.text().contains("返回") || a.text().contains("首页"));
            StringBuilder between = new StringBuilder();
            for (Node child : line.childNodes()) {
                if (child instanceof TextNode t) {
                    between.append(t.getWholeText());
                } else if (!(child instanceof Element e && e.tagName().equals("a"))) {
                    between.append('x');
                }
            }
            if (allNavigation && NAVIGATION_GLUE.matcher(between).matches()) {
                line.remove();
            }
        }
    }

    private static List<TextNode> allTextNodes(Element root) {
        List<TextNode> nodes = new ArrayList<>();
        root.traverse((node, depth) -> {
            if (node instanceof TextNode t) {
                nodes.add(t);
            }
        });
        return nodes;
    }

    private static void removeIfEmpty(Node node) {
        if (node instanceof Element e
                && !e.tagName().equals("body")
                && e.text().isBlank()
                && e.select(Selectors.IMG).isEmpty()) {
            e.remove();
        }
    }

    private static void removeBlankTopLevelText(Element body) {
        for (Node child : new ArrayList<>(body.childNodes())) {
            if (child instanceof TextNode t && t.isBlank()) {
                t.remove();
            }
        }
    }
}
