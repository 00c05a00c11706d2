package dev.newsdesk.article.pages;

import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.LoadingCache;
import dev.newsdesk.article.articles.ArticleReads;
import dev.newsdesk.article.changes.ArticleChanged;
import dev.newsdesk.article.changes.ChangesMissed;
import dev.newsdesk.article.config.LinksConfig;
import dev.newsdesk.article.sections.SectionNames;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * What every page shares: the links of header and footer, the main sections (the categories most
 * used by the newest articles, by the name people see), the stylesheet and the site's feeds.
 */
@ApplicationScoped
public class Site {

    static final String NAME = "newsdesk";
    /** The header shows this many sections; the rest are a click away through articles. */
    static final int MAIN_SECTIONS = 6;
    /**
     * The main sections are the most used among this many newest articles (two days of a busy
     * news site): what it writes about now, counted in about 10 ms at any archive size, where a
     * count over the whole archive took over 100 ms at 100,000 articles.
     */
    static final int SECTION_SAMPLE = 1_000;

    private final LinksConfig links;
    private final SectionNames names;
    private final Stylesheet stylesheet = Stylesheet.load("pages/site.css", "site", "css");
    private final LoadingCache<Boolean, List<Section>> sections;

    Site(LinksConfig links, SectionNames names, ArticleReads articles) {
        this.links = links;
        this.names = names;
        // Counts move slowly: the header is computed again on the first page after a write
        // (anywhere in the cluster), not for every page; a minute after it was computed it is
        // recounted in the background while pages keep the last count, so that no page waits
        // for a recount that no write asked for.
        this.sections = Caffeine.newBuilder()
                .refreshAfterWrite(Duration.ofSeconds(60))
                .build(any -> articles.recentCategories(SECTION_SAMPLE).stream()
                        .limit(MAIN_SECTIONS)
                        .map(c -> new Section(c.name(), names.displayName(c.name()), categoryHref(c.name())))
                        .toList());
    }

    /** A section as the header links it. */
    public record Section(String slug, String name, String href) {}

    public String name() {
        return NAME;
    }

    public String home() {
        return links.publicBase() + "/";
    }

    public String stylesheetHref() {
        return links.publicBase() + "/static/" + stylesheet.fileName();
    }

    public Stylesheet stylesheet() {
        return stylesheet;
    }

    public String searchAction() {
        return links.publicBase() + "/search";
    }

    public String feedHref() {
        return links.feedBase() + "/feeds/rss.xml";
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        sections.invalidateAll();
    }

    void missed(@Observes ChangesMissed missed) {
        sections.invalidateAll();
    }

    public List<Section> sections() {
        return sections.get(Boolean.TRUE);
    }

    /**
     * Changes whenever the header (the main sections and their names) or any section's name
     * changes: a page kept under another stamp shows an old one.
     */
    long stamp() {
        return stampOf(sections());
    }

    /** The stamp if it needs no count: nothing on the event loop may wait for the database. */
    OptionalLong stampIfCounted() {
        List<Section> counted = sections.getIfPresent(Boolean.TRUE);
        return counted == null ? OptionalLong.empty() : OptionalLong.of(stampOf(counted));
    }

    private long stampOf(List<Section> shown) {
        return 31L * shown.hashCode() + names.version();
    }

    public String sectionName(String slug) {
        return names.displayName(slug);
    }

    public String base() {
        return links.publicBase();
    }

    public String categoryHref(String slug) {
        return links.publicBase() + "/categories/" + segment(slug);
    }

    public String tagHref(String name) {
        return links.publicBase() + "/tags/" + segment(name);
    }

    public String articleHref(String slug) {
        return links.publicBase() + "/articles/" + slug;
    }

    public List<PageMeta.FeedLink> siteFeeds() {
        String base = links.feedBase() + "/feeds";
        return List.of(
                new PageMeta.FeedLink("application/rss+xml", NAME + " (RSS)", base + "/rss.xml"),
                new PageMeta.FeedLink("application/atom+xml", NAME + " (Atom)", base + "/atom.xml"),
                new PageMeta.FeedLink("application/feed+json", NAME + " (JSON Feed)", base + "/feed.json"));
    }

    /** A category's or tag's feeds: {@code kind} is {@code categories} or {@code tags}. */
    public List<PageMeta.FeedLink> feedsOf(String kind, String name, String shownName) {
        String base = links.feedBase() + "/feeds/" + kind + "/" + segment(name);
        return List.of(
                new PageMeta.FeedLink("application/rss+xml", shownName + " (RSS)", base + "/rss.xml"),
                new PageMeta.FeedLink("application/atom+xml", shownName + " (Atom)", base + "/atom.xml"));
    }

    /** A name as one URL path segment. */
    static String segment(String name) {
        return URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20");
    }
}
