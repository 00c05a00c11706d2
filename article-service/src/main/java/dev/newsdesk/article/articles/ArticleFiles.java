package dev.newsdesk.article.articles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.newsdesk.article.files.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The long tail of public articles as files on the replica's own disk: the JSON a miss read from
 * the database, written once, then read and sent by the event loop (the kernel's page cache holds
 * the bytes, not the heap). The heap keeps only id → version, about a
 * hundred bytes per article.
 * <p>
 * A file is only as trustworthy as the notifications that would retire it, so one is served only
 * while the change listener is {@link #listening}; a reconnect drops every entry ({@link
 * #dropAll}), and an entry whose load began before that drop is not kept. Per-id ordering (a load
 * in flight against a write's invalidation) is the memory cache's: {@link ArticleCache} stores
 * here from inside its per-key load and drops here after its own invalidation.
 * <p>
 * Files live under a {@link RunFolder} of this process's own.
 */
public final class ArticleFiles implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ArticleFiles.class);

    /** An article as held on disk: what the answer's headers need, and the file with its body. */
    public record OnDisk(long id, long version, String file) {
        public String etag() {
            return ArticleViews.etagOf(id, version);
        }
    }

    /** {@code serial}: each write has a file name of its own, so a late removal never hits a newer file. */
    record Held(long version, long serial, int length) {}

    private final RunFolder folder;
    private final String prefix;
    private final BooleanSupplier listening;
    private final Cache<Long, Held> held;
    private final Object drops = new Object();
    private final AtomicLong serials = new AtomicLong();
    private long generation;

    private ArticleFiles(RunFolder folder, long maxBytes, BooleanSupplier listening) {
        this.folder = folder;
        this.prefix = folder.prefix();
        this.listening = listening;
        this.held = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Long id, Held h) -> h.length())
                .removalListener((Long id, Held h, RemovalCause cause) -> {
                    if (id != null && h != null) {
                        RunFolder.deleteQuietly(file(id, h));
                    }
                })
                .recordStats()
                .build();
    }

    /**
     * A fresh folder under {@code parent} for this process, holding at most {@code maxBytes} of
     * JSON; folders of processes that no longer run are removed first.
     */
    public static ArticleFiles open(Path parent, long maxBytes, BooleanSupplier listening) {
        return new ArticleFiles(RunFolder.open(parent), maxBytes, listening);
    }

    Cache<Long, Held> entries() {
        return held;
    }

    /** The folder this process writes (for tests and the log). */
    public Path folder() {
        return folder.path();
    }

    /** The article's file if one is held and the listener would have retired it when it changed. */
    public Optional<OnDisk> peek(long id) {
        if (!listening.getAsBoolean()) {
            return Optional.empty();
        }
        Held h = held.getIfPresent(id);
        return h == null ? Optional.empty() : Optional.of(new OnDisk(id, h.version(), file(id, h)));
    }

    /** To be read before a load begins and handed to {@link #store} with its result. */
    public long generation() {
        synchronized (drops) {
            return generation;
        }
    }

    /**
     * Writes a public article read at {@code generation}; kept unless everything was dropped since.
     * A failed write (a full disk) only means the next read of it is a miss again.
     */
    public void store(CachedArticle article, long generation) {
        Held current = held.policy().getIfPresentQuietly(article.id()); // not a read: no hit counted
        if (!article.visible() || (current != null && current.version() == article.version())) {
            return;
        }
        Held written = new Held(article.version(), serials.incrementAndGet(), article.json().length);
        String target = file(article.id(), written);
        // Written whole before it is published in the map: no reader knows the name before then.
        try {
            Files.write(Path.of(target), article.json());
        } catch (IOException e) {
            LOG.debugf(e, "Article %d not kept on disk", article.id());
            RunFolder.deleteQuietly(target);
            return;
        }
        synchronized (drops) {
            if (generation == this.generation) {
                held.put(article.id(), written);
                return;
            }
        }
        RunFolder.deleteQuietly(target);
    }

    /** A write of {@code version} committed: an older copy goes (a deleted article's with any version). */
    public void dropOlder(long id, long version) {
        held.asMap().computeIfPresent(id, (key, h) -> h.version() < version ? null : h);
    }

    public void drop(long id) {
        held.invalidate(id);
    }

    /** Notifications may have been lost: nothing held can be trusted, nor any load in flight. */
    public void dropAll() {
        synchronized (drops) {
            generation++;
            held.invalidateAll();
        }
    }

    @Override
    public void close() {
        held.invalidateAll();
        folder.close();
    }

    private String file(long id, Held h) {
        return prefix + id + "-" + h.version() + "-" + h.serial() + ".json";
    }
}
