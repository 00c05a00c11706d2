package dev.newsdesk.article.pages;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsdesk.article.changes.ArticleChanged;
import dev.newsdesk.article.changes.ChangesMissed;
import dev.newsdesk.http.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What every page answer goes through: rendered pages are kept for {@link #TTL} by their URL,
 * the listing cache's bound on staleness, so a busy home page costs one rendering per couple of
 * seconds, not one per request; and a problem becomes the designed error page.
 */
@ApplicationScoped
public class Pages {

    static final Duration TTL = Duration.ofSeconds(2);
    /** Pages are bounded by bytes (HTML of a long gallery is ten times a short item's). */
    static final long PAGE_BYTES = 32L << 20;

    private final Site site;
    private final Template error;
    private final Cache<PageKey, RenderedPage> rendered = Caffeine.newBuilder()
            .maximumWeight(PAGE_BYTES)
            .weigher((PageKey key, RenderedPage page) -> page.body().length)
            .expireAfterWrite(TTL)
            .build();
    /**
     * Bumped by every committed write in the cluster: a page rendered before it is never found
     * after it, even if its rendering finishes later.
     */
    private final AtomicLong generation = new AtomicLong();

    private record PageKey(long generation, String url) {}

    Pages(Site site, @Location("pages/error.html") Template error) {
        this.site = site;
        this.error = error;
    }

    /** The page at {@code key} (its path and query) from the cache, else rendered now. */
    RenderedPage cached(String key, Supplier<RenderedPage> render) {
        PageKey at = new PageKey(generation.get(), key);
        RenderedPage page = rendered.getIfPresent(at);
        if (page == null) {
            page = render.get(); // problems are thrown, never cached
            rendered.put(at, page);
        }
        return page;
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        generation.incrementAndGet();
    }

    void missed(@Observes ChangesMissed missed) {
        generation.incrementAndGet();
    }

    /** The designed page for a problem: same header and search box, the status's own words. */
    String problem(ProblemException p) {
        String heading = switch (p.status()) {
            case 404 -> "找不到这个页面";
            case 400 -> "请求有误";
            default -> "出了点问题";
        };
        PageMeta meta = PageMeta.listing(
                heading + " · " + Site.NAME, heading, site.home(), null, null, null, true, null, site.siteFeeds());
        return error.data("site", site)
                .data("page", meta)
                .data("heading", heading)
                .data("status", p.status())
                .data("detail", p.getMessage())
                .data("current", null)
                .render();
    }
}
