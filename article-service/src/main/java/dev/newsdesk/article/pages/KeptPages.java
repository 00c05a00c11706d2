package dev.newsdesk.article.pages;

import dev.newsdesk.article.articles.ArticleReads;
import dev.newsdesk.article.changes.ArticleChanged;
import dev.newsdesk.article.changes.ChangeListener;
import dev.newsdesk.article.changes.ChangesMissed;
import dev.newsdesk.article.config.ArticleCacheConfig;
import dev.newsdesk.article.store.Place;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.jboss.logging.Logger;

/**
 * The replica's {@link PageFiles}, kept current by the change events: a write drops what it
 * changed at once, and where the written article now stands is looked up on a thread of its own
 * (the listener's thread never waits for the database), so for that look-up's few milliseconds a
 * page may still lack an article newly placed before it, as a CDN's copy would for minutes.
 */
@Startup
@ApplicationScoped
class KeptPages {

    private static final Logger LOG = Logger.getLogger(KeptPages.class);
    /** Each queued write queued a read too, so what one read leaves, a later one takes. */
    private static final int PLACES_PER_READ = 1_000;

    private final ArticleReads articles;
    private final Site site;
    /** Null when the data folder cannot hold files: pages are then rendered on every miss. */
    private final PageFiles files;

    private final Set<Long> toPlace = ConcurrentHashMap.newKeySet();
    private final ExecutorService placing = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().name("page-files").daemon().factory());

    KeptPages(
            ArticleReads articles,
            Site site,
            ArticleCacheConfig config,
            ChangeListener listener,
            MeterRegistry metrics) {
        this.articles = articles;
        this.site = site;
        this.files = config.pageFilesBytes() > 0 ? open(config, listener) : null;
        if (files != null) {
            CaffeineCacheMetrics.monitor(metrics, files.entries(), "page-files");
        }
    }

    private static PageFiles open(ArticleCacheConfig config, ChangeListener listener) {
        Path folder = Path.of(config.dataDir(), "article-pages");
        try {
            return PageFiles.open(folder, config.pageFilesBytes(), listener::listening);
        } catch (UncheckedIOException e) {
            LOG.warnf(e, "Keeping no page files: %s is not writable; every page miss is rendered", folder);
            return null;
        }
    }

    /** The kept page, if its files and the header it was rendered under are current (any thread). */
    Optional<PageFiles.Held> peek(String slug) {
        if (files == null) {
            return Optional.empty();
        }
        OptionalLong stamp = site.stampIfCounted();
        return stamp.isEmpty() ? Optional.empty() : files.peek(slug, stamp.getAsLong());
    }

    String file(PageFiles.Held held, boolean gzip) {
        return files.file(held, gzip);
    }

    /** The kept page, counting the header first if need be (off the event loop). */
    Optional<RenderedPage> read(String slug) {
        return files == null ? Optional.empty() : files.read(slug, site.stamp());
    }

    /** Renders a page and keeps it, unless a change arrived while it was rendered. */
    RenderedPage render(String slug, Rendering rendering) {
        long stamp = site.stamp();
        long changes = files == null ? 0 : files.changes();
        ArticlePages.Rendered rendered = rendering.render(slug);
        if (files != null) {
            files.store(slug, rendered.shows(), stamp, rendered.page(), changes);
        }
        return rendered.page();
    }

    @FunctionalInterface
    interface Rendering {
        ArticlePages.Rendered render(String slug);
    }

    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        if (files == null) {
            return;
        }
        files.changed(change.articleId(), change.deleted() ? null : change.slug());
        if (!change.deleted() && files.holdsAny() && toPlace.add(change.articleId())) {
            placing.execute(this::place);
        }
    }

    void missed(@Observes ChangesMissed missed) {
        if (files != null) {
            files.dropAll();
        }
    }

    /**
     * Where the written articles now stand, if the public sees them: the pages they belong on go.
     * One read for all the writes queued meanwhile (an import's, say); a write after the queue is
     * taken queues another read.
     */
    private void place() {
        List<Long> ids = toPlace.stream().limit(PLACES_PER_READ).toList();
        if (ids.isEmpty()) {
            return;
        }
        // Taken before the read, so a write queued again meanwhile is either read here or again.
        ids.forEach(toPlace::remove);
        try {
            for (Place p : articles.places(ids)) {
                files.placed(p.id(), p.categories(), p.publishedAt());
            }
        } catch (RuntimeException e) {
            LOG.warnf(e, "Could not place %d written articles among kept pages; dropping them all", ids.size());
            files.dropAll();
        }
    }

    @PreDestroy
    void close() {
        placing.shutdownNow();
        if (files != null) {
            files.close();
        }
    }
}
