package dev.newsdesk.article.content;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.jsoup.nodes.Element;

/**
 * Gives every body image an {@code alt} text (WCAG 1.1.1; the Nu HTML Checker counts a missing
 * one as an error): the image's own, else its figure's caption, else the lead-in line that
 * introduces the pictures ({@code 名单如下：} gives {@code 名单}, numbered when it introduces
 * several), else "{title} 图{n}" with n counting the body's images from 1.
 */
public final class FigureAlt {

    private static final Pattern LEAD_IN_END = Pattern.compile("\\s*(如下)?\\s*[：:]\\s*$");
    /** A line longer than this is a paragraph of the story, not a lead-in to a picture. */
    private static final int MAX_LEAD_IN_CHARS = 80;

    private FigureAlt() {}

    public static void describe(Element body, String title) {
        List<Element> images = body.select("img");
        for (int i = 0; i < images.size(); i++) {
            Element img = images.get(i);
            if (!img.attr("alt").isBlank()) {
                continue;
            }
            img.attr("alt", describe(img, title, i + 1));
        }
    }

    private static String describe(Element img, String title, int n) {
        Element figure = img.closest("figure");
        if (figure != null) {
            Element caption = figure.selectFirst("figcaption");
            if (caption != null && !caption.text().isBlank()) {
                return caption.text().strip();
            }
        }
        Element block = figure != null
                ? figure
                : img.parent() != null && img.parent().tagName().equals("p") ? img.parent() : img;
        List<Element> run = new ArrayList<>();
        Element before = block.previousElementSibling();
        while (before != null && isPictureOnly(before)) {
            run.add(before);
            before = before.previousElementSibling();
        }
        if (before != null && isLeadIn(before)) {
            String leadIn = LEAD_IN_END.matcher(before.text()).replaceFirst("").strip();
            int position = run.size() + 1;
            boolean several =
                    position > 1 || (block.nextElementSibling() != null && isPictureOnly(block.nextElementSibling()));
            if (!leadIn.isEmpty()) {
                return several ? leadIn + " 图" + position : leadIn;
            }
        }
        return title + " 图" + n;
    }

    private static boolean isPictureOnly(Element e) {
        return e.text().isBlank() && !e.select("img").isEmpty();
    }

    private static boolean isLeadIn(Element e) {
        String text = e.text().strip();
        return text.length() <= MAX_LEAD_IN_CHARS
                && LEAD_IN_END.matcher(text).find()
                && e.select("img").isEmpty();
    }
}
