package dev.newsdesk.article.articles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.newsdesk.article.changes.ArticleChanged;
import dev.newsdesk.article.changes.ChangeListener;
import dev.newsdesk.article.changes.ChangesMissed;
import dev.newsdesk.article.config.ArticleCacheConfig;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.cache.CaffeineCacheMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Rendered articles (JSON bytes and ETag) by id, so a hot article costs no database round trip.
 * Writes on this instance invalidate their entry after commit; Caffeine's per-key atomic loading
 * makes the invalidation wait for a load in flight, so a read that started before the commit
 * cannot put the old version back afterwards. Other replicas learn of a write from the database
 * ({@link ArticleChanged}, delivered at its commit by LISTEN/NOTIFY) and drop their older copy;
 * {@link #TTL} bounds staleness only while a replica's listener is disconnected. Below the memory
 * tier, {@link ArticleFiles} keeps the long tail on the replica's disk, served only while the
 * listener is connected.
 * <p>
 * Caffeine directly rather than quarkus-cache: one entry answers two keys (id and slug) and
 * writes put the fresh entry themselves, which the annotation API does not express.
 */
@ApplicationScoped
public class ArticleCache {

    private static final Logger LOG = Logger.getLogger(ArticleCache.class);

    public static final Duration TTL = Duration.ofSeconds(10);
    static final long LIST_BYTES = 16L << 20;
    static final int ENTRY_OVERHEAD = 200;

    /**
     * Bounded by bytes, not entries: articles run from a paragraph to long galleries, and the
     * pod's heap is a few hundred MB (docs/deploy.md, "Start-up and memory"). An entry is its
     * JSON plus about {@link #ENTRY_OVERHEAD} bytes of record, key and cache node. The bound comes
     * from bench/article/pages.sh's cache sizing (hit ratio against bytes, Zipf-distributed reads;
     * README "Caching"; {@code NEWSDESK_ARTICLE_CACHE_BYTES}): a miss goes to the files below.
     */
    private final Cache<Long, CachedArticle> byId;
    /** Slugs never change, so this mapping is never stale; a deleted id simply misses. */
    private final Cache<String, Long> idsBySlug =
            Caffeine.newBuilder().maximumSize(50_000).build();
    /**
     * Listing pages as JSON bytes, for a short time: feed pollers and home pages ask the same
     * question many times a second. Keys carry a generation that every write on this instance
     * bumps, so a listing computed before a write is never found after it, even if its load
     * finishes later.
     */
    private final Cache<ListKey, byte[]> lists = Caffeine.newBuilder()
            .maximumWeight(LIST_BYTES)
            .weigher((ListKey key, byte[] json) -> json.length)
            .expireAfterWrite(LIST_TTL)
            .recordStats()
            .build();

    private final AtomicLong generation = new AtomicLong();

    /** The tier below {@link #byId}: public articles as files, for the long tail; null when off. */
    private final ArticleFiles files;

    ArticleCache(ArticleCacheConfig config, ChangeListener listener) {
        this.byId = Caffeine.newBuilder()
                .maximumWeight(config.articleCacheBytes())
                .weigher((Long id, CachedArticle a) -> a.json().length + ENTRY_OVERHEAD)
                .expireAfterWrite(TTL)
                .recordStats()
                .build();
        this.files = config.articleFilesBytes() > 0 ? files(config, listener) : null;
    }

    /** The file tier, or none (and a warning) if the data folder cannot hold it: reads still work. */
    private static ArticleFiles files(ArticleCacheConfig config, ChangeListener listener) {
        Path folder = Path.of(config.dataDir(), "article-json");
        try {
            return ArticleFiles.open(folder, config.articleFilesBytes(), listener::listening);
        } catch (UncheckedIOException e) {
            LOG.warnf(e, "Keeping no article files: %s is not writable; every miss reads the database", folder);
            return null;
        }
    }

    @PreDestroy
    void close() {
        if (files != null) {
            files.close();
        }
    }

    public static final Duration LIST_TTL = Duration.ofSeconds(2);

    /** Exports both caches' hits, misses and size as {@code cache_*{cache="articles"|"article-lists"}}. */
    void monitor(MeterRegistry metrics) {
        CaffeineCacheMetrics.monitor(metrics, byId, "articles");
        CaffeineCacheMetrics.monitor(metrics, lists, "article-lists");
        if (files != null) {
            CaffeineCacheMetrics.monitor(metrics, files.entries(), "article-files");
        }
    }

    private record ListKey(long generation, ListParams params) {}

    public Optional<CachedArticle> peek(long id) {
        return Optional.ofNullable(byId.getIfPresent(id));
    }

    /** A public article's file, when the memory tier has no copy but the disk does. */
    public Optional<ArticleFiles.OnDisk> peekFile(long id) {
        return files == null ? Optional.empty() : files.peek(id);
    }

    public Optional<byte[]> peekList(ListParams params) {
        return Optional.ofNullable(lists.getIfPresent(new ListKey(generation.get(), params)));
    }

    public byte[] list(ListParams params, Supplier<byte[]> load) {
        return lists.get(new ListKey(generation.get(), params), key -> load.get());
    }

    /**
     * The article from the heap, else loaded. {@code keepFile}: whether a load also writes the
     * article's file, for the reads that the files answer (the API by id). A page miss does not:
     * its own rendering is the cost there, and a file write would add to it.
     */
    public Optional<CachedArticle> byId(long id, boolean keepFile, Supplier<Optional<CachedArticle>> load) {
        return Optional.ofNullable(byId.get(id, key -> {
            // Stored from inside the per-key load, so an invalidation waiting for this load drops
            // the file after it was kept, never before.
            long filesGeneration = files == null ? 0 : files.generation();
            CachedArticle loaded = load.get().orElse(null);
            if (keepFile && files != null && loaded != null) {
                files.store(loaded, filesGeneration);
            }
            return loaded;
        }));
    }

    public Optional<Long> idOf(String slug) {
        return Optional.ofNullable(idsBySlug.getIfPresent(slug));
    }

    public void rememberSlug(String slug, long id) {
        idsBySlug.put(slug, id);
    }

    public CachedArticle put(CachedArticle article) {
        generation.incrementAndGet();
        byId.put(article.id(), article);
        idsBySlug.put(article.slug(), article.id());
        if (files != null) {
            files.dropOlder(article.id(), article.version());
        }
        return article;
    }

    public void invalidate(long id) {
        generation.incrementAndGet();
        byId.invalidate(id);
        if (files != null) {
            files.drop(id);
        }
    }

    /**
     * A write committed somewhere in the cluster. A copy at least as new stays (this replica's
     * own writes put theirs already); an older one, or any copy of a deleted article, goes. An
     * entry still loading is waited for and then dropped, so a read that began before the commit
     * cannot leave the old version behind.
     */
    void changed(@Observes(during = TransactionPhase.AFTER_SUCCESS) ArticleChanged change) {
        generation.incrementAndGet();
        CachedArticle held = byId.getIfPresent(change.articleId());
        if (change.deleted() || held == null || held.version() < change.version()) {
            byId.invalidate(change.articleId());
        }
        if (files != null) {
            files.dropOlder(change.articleId(), change.deleted() ? Long.MAX_VALUE : change.version());
        }
        if (change.deleted()) {
            idsBySlug.asMap().remove(change.slug(), change.articleId());
        }
    }

    void missed(@Observes ChangesMissed missed) {
        generation.incrementAndGet();
        byId.invalidateAll();
        idsBySlug.invalidateAll();
        if (files != null) {
            files.dropAll();
        }
    }
}
