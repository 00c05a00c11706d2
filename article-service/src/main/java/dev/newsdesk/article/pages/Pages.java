package dev.newsdesk.article.pages;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsdesk.article.changes.ArticleChanged;
import dev.newsdesk.article.changes.ChangesMissed;
import dev.newsdesk.http.ProblemException;
import io.quarkus.qute.Location;
import io.quarkus.qute.Template;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;

/**
 * What every page answer goes through: rendered pages (identity and gzip bytes) kept by their URL
 * until a write anywhere in the cluster evicts them (the change events, delivered on every
 * replica by LISTEN/NOTIFY) or {@link #TTL} passes, which bounds what depends on the clock alone
 * (the news sitemap's 48 hours); and a problem becomes the designed error page. Hits are answered
 * on the event loop by {@link PageBytesRoute}; misses are rendered by the resources on a worker.
 */
@ApplicationScoped
public class Pages {

    /** As long as a CDN keeps a page ({@code s-maxage}): staler than that nobody would notice. */
    static final Duration TTL = Duration.ofMinutes(5);
    /**
     * Pages are bounded by bytes (HTML of a long gallery is ten times a short item's); the bound
     * comes from bench/article/pages.sh's cache sizing (hit ratio against bytes, Zipf-distributed
     * reads; README "Caching").
     */
    static final long PAGE_BYTES = 32L << 20;

    private final Site site;
    private final Template error;
    private final Cache<PageKey, RenderedPage> rendered = Caffeine.newBuilder()
            .maximumWeight(PAGE_BYTES)
            .weigher((PageKey key, RenderedPage page) -> page.weight())
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

    /**
     * The one key of a page request, its raw path and query, for the route and the resources
     * alike: neither parses a page's parameters to find it.
     */
    static String url(HttpServerRequest request) {
        return request.path() + "?" + request.query();
    }

    /** Changes with every write in the cluster: what was computed under another is out of date. */
    long generation() {
        return generation.get();
    }

    /**
     * The request's {@code Accept-Encoding} as far as stored gzip bytes may answer it: not over
     * HTTP/2, where the server's encoder compresses whatever a response names as its encoding
     * (so it would gzip the gzip); there the identity bytes go out and the server compresses them.
     */
    static String acceptEncoding(HttpServerRequest request) {
        return request.version() == HttpVersion.HTTP_2 ? null : request.getHeader(HttpHeaders.ACCEPT_ENCODING);
    }

    /** The page at {@code url} if the cache holds it: answering needs no thread that may block. */
    Optional<RenderedPage> peek(String url) {
        return Optional.ofNullable(rendered.getIfPresent(new PageKey(generation.get(), url)));
    }

    /** The page at {@code url} from the cache, else rendered now (off the event loop). */
    RenderedPage cached(String url, Supplier<RenderedPage> render) {
        PageKey at = new PageKey(generation.get(), url);
        RenderedPage page = rendered.getIfPresent(at);
        if (page == null) {
            page = render.get(); // problems are thrown, never cached
            rendered.put(at, page);
        }
        return page;
    }

    /** The resources' answer from a page: the same {@link RenderedPage#reply} the route writes. */
    static Response response(RenderedPage page, HttpServerRequest request) {
        RenderedPage.Reply reply = page.reply(request.getHeader(HttpHeaders.IF_NONE_MATCH), acceptEncoding(request));
        Response.ResponseBuilder answer =
                reply.status() == 304 ? Response.notModified() : Response.ok(reply.body(), page.contentType());
        if (reply.gzipped()) {
            answer.header(HttpHeaders.CONTENT_ENCODING, "gzip");
        }
        return answer.header(HttpHeaders.ETAG, reply.etag())
                .header(HttpHeaders.CACHE_CONTROL, RenderedPage.CACHE_CONTROL)
                .header(HttpHeaders.VARY, RenderedPage.VARY)
                .build();
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        forget();
    }

    void missed(@Observes ChangesMissed missed) {
        forget();
    }

    private void forget() {
        generation.incrementAndGet();
        rendered.invalidateAll(); // stale pages would otherwise hold their bytes until they expire
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
