package dev.newsdesk.feed.source;

import dev.newsdesk.feed.model.FeedItem;
import dev.newsdesk.feed.model.FeedKey;
import java.net.URI;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Turns an article of article-service into a feed item. Feed readers resolve relative URLs
 * against the feed's address (or not at all), so every URL leaving here is absolute: item
 * links on the public base, {@code /img/**} on the image base, anything else on the public base.
 * Done once per article version (the poller caches the result), never per request.
 */
public final class ItemMapping {

    private static final Pattern WIDTH_OPTION = Pattern.compile("/w:(\\d{1,5})(?=/)");

    private final String publicBaseUrl;
    private final String imageBaseUrl;

    public ItemMapping(String publicBaseUrl, String imageBaseUrl) {
        this.publicBaseUrl = stripSlash(publicBaseUrl);
        this.imageBaseUrl = stripSlash(imageBaseUrl == null ? publicBaseUrl : imageBaseUrl);
    }

    public FeedItem item(Article article) {
        OffsetDateTime published = parse(article.publishedAt());
        OffsetDateTime updated = article.updatedAt() == null ? published : parse(article.updatedAt());
        FeedItem.Image image = thumbnail(article.leadImage());
        Article.Source source = article.source();
        return new FeedItem(
                article.id(),
                article.title(),
                publicBaseUrl + "/articles/" + FeedKey.encodePathSegment(article.slug()),
                published,
                updated,
                article.summary(),
                absoluteBody(article.bodyHtml()),
                article.categories(),
                article.tags(),
                source == null ? null : source.name(),
                source == null || source.url() == null ? null : absolute(source.url()),
                image);
    }

    /** {@code url} made absolute: image-service paths on the image base, other paths on the public base. */
    public String absolute(String url) {
        String trimmed = url.trim();
        if (URI.create(trimmed.replace(" ", "%20")).isAbsolute() && !trimmed.startsWith("//")) {
            return trimmed;
        }
        if (trimmed.startsWith("//")) {
            return "https:" + trimmed;
        }
        String path = trimmed.startsWith("/") ? trimmed : "/" + trimmed;
        return (path.startsWith("/img/") ? imageBaseUrl : publicBaseUrl) + path;
    }

    /** The body with every {@code src}, {@code href} and {@code srcset} URL absolute, and only JPEG images. */
    String absoluteBody(String html) {
        if (html == null || html.isBlank()) {
            return html;
        }
        if (!html.contains("src") && !html.contains("href")) {
            return html;
        }
        Document document = Jsoup.parseBodyFragment(html);
        document.outputSettings().prettyPrint(false);
        // Feeds stay JPEG: a feed reader may not decode AVIF/WebP, so a <picture> becomes its <img>.
        for (Element picture : document.body().select("picture")) {
            picture.select("source").remove();
            picture.unwrap();
        }
        for (Element element : document.body().select("[src], [href], [srcset]")) {
            for (String attribute : new String[] {"src", "href"}) {
                String value = element.attr(attribute);
                if (!value.isEmpty() && !value.startsWith("#") && !value.startsWith("mailto:")) {
                    element.attr(attribute, safeAbsolute(value));
                }
            }
            if (element.hasAttr("srcset")) {
                element.attr("srcset", absoluteSrcset(element.attr("srcset")));
            }
        }
        return document.body().html();
    }

    private String absoluteSrcset(String srcset) {
        StringBuilder out = new StringBuilder();
        for (String candidate : srcset.split(",")) {
            String part = candidate.trim();
            if (part.isEmpty()) {
                continue;
            }
            int space = part.indexOf(' ');
            String url = space < 0 ? part : part.substring(0, space);
            String descriptor = space < 0 ? "" : part.substring(space);
            if (!out.isEmpty()) {
                out.append(", ");
            }
            out.append(safeAbsolute(url)).append(descriptor);
        }
        return out.toString();
    }

    private String safeAbsolute(String url) {
        try {
            return absolute(url);
        } catch (IllegalArgumentException e) {
            return url; // not a URL at all; the sanitizer upstream decides whether it may stay
        }
    }

    /**
     * The thumbnail and enclosure of an item: the lead image's signed image-service URL (a JPEG
     * at a fixed width), never the origin, so readers do not hotlink the source site
     * and no signing key is needed here. Its size is the rendition's: the {@code w:} option of
     * the URL (the contract's image path), the height scaled from the intrinsic size.
     */
    FeedItem.Image thumbnail(Article.LeadImage lead) {
        if (lead == null || lead.src() == null || lead.src().isBlank()) {
            return null;
        }
        Matcher option = WIDTH_OPTION.matcher(lead.src());
        Integer width = option.find() ? Integer.valueOf(option.group(1)) : lead.width();
        Integer height = width == null || lead.width() == null || lead.height() == null || lead.width() == 0
                ? null
                : Math.round(lead.height() * (float) width / lead.width());
        return new FeedItem.Image(absolute(lead.src()), "image/jpeg", width, height);
    }

    private static OffsetDateTime parse(String time) {
        try {
            return OffsetDateTime.parse(time);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("article-service sent a date that is not RFC 3339: " + time, e);
        }
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
