package dev.newsdesk.e2e.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * What in a piece of HTML a browser could run, found by parsing it as a browser does (jsoup
 * follows the WHATWG parsing rules, entities decoded): script elements, event handlers,
 * {@code srcdoc}, embedded documents and SVG/MathML, inline styles, and URLs whose scheme is not
 * http(s) or mailto once the characters browsers ignore in URLs are dropped.
 */
final class ExecutableMarkup {

    private static final Set<String> NEVER = Set.of(
            "iframe", "frame", "frameset", "object", "embed", "applet", "svg", "math", "base", "style", "template");
    private static final Set<String> URL_ATTRIBUTES =
            Set.of("href", "src", "action", "formaction", "data", "poster", "background", "cite", "xlink:href", "ping");
    private static final Set<String> SAFE_SCHEMES = Set.of("http", "https", "mailto");
    /** A URL's scheme as the WHATWG URL parser reads it, after tab/newline/control stripping. */
    private static final Pattern SCHEME = Pattern.compile("^([a-zA-Z][a-zA-Z0-9+.-]*):");

    private ExecutableMarkup() {}

    /** The findings in a fragment (a body, a feed item's content): none is the only good answer. */
    static List<String> inFragment(String html) {
        return findings(Jsoup.parseBodyFragment(html).body(), false);
    }

    /** The findings in a whole page, where a JSON-LD data block is the one script element allowed. */
    static List<String> inPage(String html) {
        Document page = Jsoup.parse(html);
        return findings(page, true);
    }

    private static List<String> findings(Element root, boolean page) {
        List<String> found = new ArrayList<>();
        for (Element e : root.getAllElements()) {
            String tag = e.normalName();
            if (tag.equals("script")) {
                if (!(page && "application/ld+json".equals(e.attr("type")))) {
                    found.add("script element: " + e.outerHtml());
                }
            } else if (NEVER.contains(tag)) {
                found.add(tag + " element: " + e.outerHtml());
            } else if (tag.equals("meta") && e.hasAttr("http-equiv")) {
                found.add("meta http-equiv: " + e.outerHtml());
            }
            for (Attribute a : e.attributes()) {
                String name = a.getKey().toLowerCase(Locale.ROOT);
                if (name.startsWith("on") || name.equals("srcdoc") || name.equals("style")) {
                    found.add(name + " attribute on " + tag + ": " + a.getValue());
                } else if (URL_ATTRIBUTES.contains(name) && unsafeUrl(a.getValue())) {
                    found.add(name + " URL on " + tag + ": " + a.getValue());
                } else if (name.equals("srcset") || name.equals("imagesrcset")) {
                    for (String candidate : a.getValue().split(",")) {
                        if (unsafeUrl(candidate.strip().split("\\s+")[0])) {
                            found.add(name + " URL on " + tag + ": " + candidate);
                        }
                    }
                }
            }
        }
        return found;
    }

    static boolean unsafeUrl(String value) {
        StringBuilder kept = new StringBuilder();
        value.codePoints().filter(c -> c > 0x20 && c != 0x7f).forEach(kept::appendCodePoint);
        var scheme = SCHEME.matcher(kept);
        return scheme.find() && !SAFE_SCHEMES.contains(scheme.group(1).toLowerCase(Locale.ROOT));
    }
}
