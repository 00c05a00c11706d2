package dev.newsdesk.article.articles;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.RemovalCause;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
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
 * Files live under a folder of this process's own, locked while it runs, so two processes given
 * one data folder never share files, and a folder left by a killed process is removed at the next
 * start.
 */
public final class ArticleFiles implements AutoCloseable {

    private static final Logger LOG = Logger.getLogger(ArticleFiles.class);
    private static final String LOCK = ".lock";

    /** An article as held on disk: what the answer's headers need, and the file with its body. */
    public record OnDisk(long id, long version, String file) {
        public String etag() {
            return ArticleViews.etagOf(id, version);
        }
    }

    /** {@code serial}: each write has a file name of its own, so a late removal never hits a newer file. */
    record Held(long version, long serial, int length) {}

    private final Path dir;
    private final String prefix;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final BooleanSupplier listening;
    private final Cache<Long, Held> held;
    private final Object drops = new Object();
    private final AtomicLong serials = new AtomicLong();
    private long generation;

    private ArticleFiles(Path dir, FileChannel lockChannel, FileLock lock, long maxBytes, BooleanSupplier listening) {
        this.dir = dir;
        this.prefix = dir.toAbsolutePath() + "/";
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.listening = listening;
        this.held = Caffeine.newBuilder()
                .maximumWeight(maxBytes)
                .weigher((Long id, Held h) -> h.length())
                .removalListener((Long id, Held h, RemovalCause cause) -> {
                    if (id != null && h != null) {
                        deleteQuietly(file(id, h));
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
        try {
            Files.createDirectories(parent);
            removeAbandoned(parent);
            // Created under another name and locked before it is renamed into the "run-" names a
            // starting process looks at, so no process can take it for abandoned in between.
            Path fresh = Files.createTempDirectory(parent, "new-");
            FileChannel channel =
                    FileChannel.open(fresh.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock lock = channel.lock();
            Path dir = parent.resolve("run-" + fresh.getFileName().toString().substring("new-".length()));
            Files.move(fresh, dir, StandardCopyOption.ATOMIC_MOVE);
            return new ArticleFiles(dir, channel, lock, maxBytes, listening);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot keep article files under " + parent, e);
        }
    }

    Cache<Long, Held> entries() {
        return held;
    }

    /** The folder this process writes (for tests and the log). */
    public Path folder() {
        return dir;
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
            deleteQuietly(target);
            return;
        }
        synchronized (drops) {
            if (generation == this.generation) {
                held.put(article.id(), written);
                return;
            }
        }
        deleteQuietly(target);
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
        try {
            lock.release();
            lockChannel.close();
        } catch (IOException e) {
            LOG.debugf(e, "Releasing %s", dir);
        }
        deleteTree(dir);
    }

    private String file(long id, Held h) {
        return prefix + id + "-" + h.version() + "-" + h.serial() + ".json";
    }

    /** Removes the folders under {@code parent} whose lock no running process holds. */
    static void removeAbandoned(Path parent) throws IOException {
        try (DirectoryStream<Path> runs = Files.newDirectoryStream(parent, "run-*")) {
            for (Path run : runs) {
                boolean abandoned;
                try (FileChannel c = FileChannel.open(
                                run.resolve(LOCK), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock l = c.tryLock()) {
                    abandoned = l != null;
                } catch (OverlappingFileLockException inThisProcess) {
                    abandoned = false;
                } catch (IOException e) {
                    LOG.debugf(e, "Could not tell whether %s is in use", run);
                    abandoned = false;
                }
                if (abandoned) {
                    deleteTree(run);
                }
            }
        }
    }

    /** Removes a folder and what is in it; files that vanish meanwhile (evictions) are no error. */
    private static void deleteTree(Path root) {
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                    deleteQuietly(file.toString());
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult postVisitDirectory(Path dir, IOException e) {
                    deleteQuietly(dir.toString());
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            LOG.debugf(e, "Removing %s", root);
        }
    }

    private static void deleteQuietly(String file) {
        try {
            Files.deleteIfExists(Path.of(file));
        } catch (IOException e) {
            LOG.debugf(e, "Removing %s", file);
        }
    }
}
