package dev.newsdesk.article.sections;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;

/**
 * Learns section names from a post's own navigation: the republishing site ends each post with
 * {@code [返回NAME](//site/category/SLUG.html)｜[返回首页](//site/)}, a link back to the section
 * page whose file name is the post's category slug and whose text names it for readers. Only a
 * link whose file name is one of the post's categories counts, so "返回首页" or a link elsewhere
 * never names a section.
 */
public final class SectionLinks {

    private static final String BACK = "返回";
    private static final String HOME = "首页";
    private static final int MAX_NAME_CHARS = 100;

    private SectionLinks() {}

    /** Category slug to the name the post's navigation gives it; empty when the post names none. */
    public static Map<String, String> learn(String bodyHtml, List<String> categories) {
        Map<String, String> names = new LinkedHashMap<>();
        if (bodyHtml == null || categories.isEmpty()) {
            return names;
        }
        for (Element a : Jsoup.parseBodyFragment(bodyHtml).select("a[href]")) {
            String text = a.text().strip();
            if (!text.startsWith(BACK)) {
                continue;
            }
            String name = text.substring(BACK.length()).strip();
            String slug = fileStem(a.attr("href"));
            if (!name.isEmpty()
                    && !name.equals(HOME)
                    && name.length() <= MAX_NAME_CHARS
                    && slug != null
                    && categories.contains(slug)) {
                names.putIfAbsent(slug, name);
            }
        }
        return names;
    }

    /** {@code //site/category/jiemianxinwen.html} gives {@code jiemianxinwen}. */
    static String fileStem(String href) {
        String path;
        try {
            path = new URI(href.strip()).getPath();
        } catch (URISyntaxException e) {
            return null;
        }
        if (path == null || path.isEmpty() || path.endsWith("/")) {
            return null;
        }
        String file = path.substring(path.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot > 0 ? file.substring(0, dot) : file;
    }
}
