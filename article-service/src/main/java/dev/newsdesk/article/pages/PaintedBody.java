package dev.newsdesk.article.pages;

import dev.newsdesk.article.articles.Article;
import dev.newsdesk.article.content.Block;
import java.util.HashMap;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Entities;

/**
 * The article body as the page shows it: each gallery picture whose placeholder is known sits in
 * a {@code <span class="ph">} behind which an inline SVG rectangle of its average colour is
 * painted until the picture arrives. No script, no {@code style} attribute (a strict
 * Content-Security-Policy forbids those; an SVG {@code fill} is a presentation attribute), and
 * nothing that moves: the picture keeps its {@code width}/{@code height}, the stylesheet lays the
 * rectangle under it. The API's {@code bodyHtml} stays as it was; apps get {@code placeholder}.
 */
final class PaintedBody {

    private PaintedBody() {}

    static String of(Article article) {
        Map<String, String> colorBySrc = new HashMap<>();
        for (Block b : article.blocks()) {
            if (b.placeholder() != null && b.placeholder().isPresent()) {
                colorBySrc.put(b.src(), b.placeholder().get().color());
            }
        }
        if (colorBySrc.isEmpty()) {
            return article.bodyHtml();
        }
        Document doc = Jsoup.parseBodyFragment(article.bodyHtml());
        doc.outputSettings().prettyPrint(false).escapeMode(Entities.EscapeMode.xhtml);
        for (Element picture : doc.select("picture")) {
            Element img = picture.selectFirst("> img");
            String color = img == null ? null : colorBySrc.get(img.attr("src"));
            if (color != null) {
                picture.wrap("<span class=\"ph\"></span>");
                picture.before(swatch(color));
            }
        }
        return doc.body().html();
    }

    /** An SVG rectangle filling its box with {@code color}, hidden from assistive technology. */
    static Element swatch(String color) {
        Element svg = new Element("svg").attr("aria-hidden", "true");
        svg.appendElement("rect").attr("width", "100%").attr("height", "100%").attr("fill", color);
        return svg;
    }
}
