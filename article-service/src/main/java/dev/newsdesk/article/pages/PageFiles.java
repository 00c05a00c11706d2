package dev.newsdesk.article.pages;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import dev.newsdesk.article.files.RunFolder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import org.jboss.logging.Logger;

/**
 * The long tail of article pages as files on the replica's own disk (identity and gzip), kept
 * across writes elsewhere: a page is dropped only by a write that changes what it shows. An article
 * page shows its article, the site's header (checked by {@link Site#stamp}) and the
 * {@link ArticlePages#RELATED} articles published just before it in its section; so a write of
 * article X drops X's own page, the pages listing X ({@link #changed}), and, once X's place is
 * known, the pages X now belongs on ({@link #placed}): those after X in one of its sections whose
 * oldest related article is older than X. A new article, published after all others, belongs on no
 * kept page, so the news flow drops none.
 * <p>
 * Trust is {@link dev.newsdesk.article.articles.ArticleFiles}'s: pages are served only while the
 * change listener is {@link #listening}, a reconnect drops all, and a page is stored only if no
 * change arrived while it was rendered ({@link #changes} before and after).
 */
final class PageFiles implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(PageFiles.class);

    /** A place in a section's order, as listings sort: by publication time, then id. */
    record Position(Instant published, long id) implements Comparable<Position> {
        @Override
        public int compareTo(Position other) {
            int byTime = published.compareTo(other.published);
            return byTime != 0 ? byTime : Long.compare(id, other.id);
        }
    }

    /**
     * What an article page shows besides its own article: its section, its place there, the
     * related articles' ids and the place of the oldest of them ({@code oldestRelated}); null when
     * the page shows fewer than it could, so that any earlier article would join them.
     */
    record Shows(long id, String section, Position at, Position oldestRelated, long[] related) {}

    /** A page on disk: what it shows, under which site stamp it was rendered, and its files. */
    record Held(String slug, Shows shows, long stamp, long serial, int length, int gzipLength, String etag) {}

    private final RunFolder folder;
    private final String prefix;
    private final BooleanSupplier listening;
    private final Cache<String, Held> held;
    private final Map<Long, Held> byId = new ConcurrentHashMap<>();
    private final Map<Long, Held[]> listers = new ConcurrentHashMap<>();
    private final Map<String, ConcurrentSkipListMap<Position, Held>> sections = new ConcurrentHashMap<>();
    private final Object lock = new Object();
    private final AtomicLong changes = new AtomicLong();
    private final AtomicLong serials = new AtomicLong();

    private PageFiles(RunFolder folder, long maxBytes, BooleanSupplier listening) {
        this.folder = folder;
        this.prefix = folder.prefix();
        this.listening = listening;
        this.held = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((String slug, Held h) -> h.length() + h.gzipLength())
                .executor(Runnable::run) // the indexes follow removals at once
                .removalListener((String slug, Held h, RemovalCause cause) -> {
                    if (h != null) {
                        forget(h);
                    }
                })
                .recordStats()
                .build();
    }

    /** A fresh folder under {@code parent} holding at most {@code maxBytes} of pages. */
    static PageFiles open(Path parent, long maxBytes, BooleanSupplier listening) {
        return new PageFiles(RunFolder.open(parent), maxBytes, listening);
    }

    Cache<String, Held> entries() {
        return held;
    }

    Path folder() {
        return folder.path();
    }

    /** The page kept for {@code slug}, if it was rendered under this site stamp and may be trusted. */
    Optional<Held> peek(String slug, long stamp) {
        if (!listening.getAsBoolean()) {
            return Optional.empty();
        }
        Held h = held.getIfPresent(slug);
        return h == null || h.stamp() != stamp ? Optional.empty() : Optional.of(h);
    }

    /** One of a held page's files: its gzip bytes or its identity bytes. */
    String file(Held h, boolean gzip) {
        return prefix + h.serial() + (gzip ? ".html.gz" : ".html");
    }

    /** Both encodings of a held page as a page, or none if its files went meanwhile. */
    Optional<RenderedPage> read(String slug, long stamp) {
        Optional<Held> h = peek(slug, stamp);
        if (h.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new RenderedPage(
                    Files.readAllBytes(Path.of(file(h.get(), false))),
                    Files.readAllBytes(Path.of(file(h.get(), true))),
                    h.get().etag(),
                    RenderedPage.HTML));
        } catch (IOException evicted) {
            return Optional.empty();
        }
    }

    /** Read before a page is rendered and handed to {@link #store} with it. */
    long changes() {
        return changes.get();
    }

    /**
     * Keeps a page rendered under {@code stamp} after {@code changesBefore}, unless a change arrived
     * since (the page may show what it changed). A failed write (a full disk) keeps nothing.
     */
    void store(String slug, Shows shows, long stamp, RenderedPage page, long changesBefore) {
        if (changes.get() != changesBefore) {
            return;
        }
        Held h = new Held(
                slug, shows, stamp, serials.incrementAndGet(), page.body().length, page.gzip().length, page.etag());
        try {
            Files.write(Path.of(file(h, false)), page.body());
            Files.write(Path.of(file(h, true)), page.gzip());
        } catch (IOException e) {
            LOG.debugf(e, "Page %s not kept on disk", slug);
            delete(h);
            return;
        }
        synchronized (lock) {
            if (changes.get() == changesBefore) {
                index(h);
                held.put(slug, h);
                return;
            }
        }
        delete(h);
    }

    /**
     * Article {@code id} was written (now at {@code slug}, null if deleted): its own page and the
     * pages listing it go, as does every page rendered while this happened.
     */
    void changed(long id, String slug) {
        synchronized (lock) {
            changes.incrementAndGet();
            drop(byId.get(id));
            if (slug != null) {
                drop(held.policy().getIfPresentQuietly(slug));
            }
            Held[] listing = listers.get(id);
            if (listing != null) {
                for (Held h : listing) {
                    drop(h);
                }
            }
        }
    }

    /**
     * Article {@code id} is public at {@code published} in {@code categories}: the pages it now
     * belongs on go. In a section, pages after it whose oldest related article is older than it
     * (or that show fewer than they could) would show it; their oldest related articles only grow
     * older towards it, so the walk stops at the first page that would not.
     */
    void placed(long id, List<String> categories, Instant published) {
        Position at = new Position(published, id);
        for (String category : categories) {
            ConcurrentSkipListMap<Position, Held> section = sections.get(category);
            if (section == null) {
                continue;
            }
            for (Held h : section.tailMap(at, false).values()) {
                Position oldest = h.shows().oldestRelated();
                if (oldest != null && oldest.compareTo(at) >= 0) {
                    break;
                }
                drop(h);
            }
        }
    }

    /** Whether any page is kept: without one, no write needs looking up. */
    boolean holdsAny() {
        return !byId.isEmpty();
    }

    /** Notifications may have been lost: no kept page can be trusted, nor one being rendered. */
    void dropAll() {
        synchronized (lock) {
            changes.incrementAndGet();
            held.invalidateAll();
        }
    }

    @Override
    public void close() {
        held.invalidateAll();
        folder.close();
    }

    private void drop(Held h) {
        if (h != null) {
            held.asMap().remove(h.slug(), h);
        }
    }

    private void index(Held h) {
        Shows shows = h.shows();
        byId.put(shows.id(), h);
        if (shows.section() != null) {
            sections.computeIfAbsent(shows.section(), any -> new ConcurrentSkipListMap<>())
                    .put(shows.at(), h);
        }
        for (long related : shows.related()) {
            listers.compute(related, (key, listing) -> {
                if (listing == null) {
                    return new Held[] {h};
                }
                Held[] more = Arrays.copyOf(listing, listing.length + 1);
                more[listing.length] = h;
                return more;
            });
        }
    }

    /** Undoes {@link #index} for this very entry: a newer one of the same page stays indexed. */
    private void forget(Held h) {
        Shows shows = h.shows();
        byId.remove(shows.id(), h);
        if (shows.section() != null) {
            ConcurrentSkipListMap<Position, Held> section = sections.get(shows.section());
            if (section != null) {
                section.remove(shows.at(), h);
            }
        }
        for (long related : shows.related()) {
            listers.computeIfPresent(related, (key, listing) -> {
                Held[] rest = Arrays.stream(listing).filter(l -> l != h).toArray(Held[]::new);
                return rest.length == 0 ? null : rest;
            });
        }
        delete(h);
    }

    private void delete(Held h) {
        RunFolder.deleteQuietly(file(h, false));
        RunFolder.deleteQuietly(file(h, true));
    }
}
