package dev.newsdesk.image.cache;

import dev.newsdesk.image.pipeline.ImageOptions.Format;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Encoded outputs on disk under {@code NEWSDESK_DATA_DIR/image-cache}, one file per cache key
 * (first byte: the format), bounded in bytes: the least recently used files go first. The
 * index lives in memory and is rebuilt from the folder (oldest modification first) at start.
 * Writes go to a temporary file and are moved into place, so a reader never sees half a file.
 * Blocking I/O: called from the fetch pool, never the event loop.
 */
public final class DiskCache {

    private static final Logger LOG = Logger.getLogger(DiskCache.class);

    private final Path dir;
    private final long maxBytes;
    private final LinkedHashMap<String, Long> index = new LinkedHashMap<>(1024, 0.75f, true);
    private long totalBytes;

    public DiskCache(Path dir, long maxBytes) {
        this.dir = dir;
        this.maxBytes = maxBytes;
        try {
            Files.createDirectories(dir);
            try (Stream<Path> files = Files.walk(dir, 2)) {
                List<Path> existing = files.filter(Files::isRegularFile)
                        .filter(p -> !p.getFileName().toString().endsWith(".tmp"))
                        .sorted(Comparator.comparingLong(DiskCache::modified))
                        .toList();
                for (Path p : existing) {
                    long size = p.toFile().length();
                    index.put(p.getFileName().toString(), size);
                    totalBytes += size;
                }
            }
            evict();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the image cache folder " + dir, e);
        }
    }

    private static long modified(Path p) {
        return p.toFile().lastModified();
    }

    public Encoded get(String key) {
        synchronized (this) {
            if (!index.containsKey(key)) {
                return null;
            }
        }
        try {
            byte[] file = Files.readAllBytes(path(key));
            Format[] formats = Format.values();
            if (file.length < 2 || file[0] < 0 || file[0] >= formats.length) {
                return null;
            }
            return Encoded.of(Arrays.copyOfRange(file, 1, file.length), formats[file[0]]);
        } catch (NoSuchFileException e) {
            synchronized (this) {
                Long size = index.remove(key);
                totalBytes -= size == null ? 0 : size;
            }
            return null;
        } catch (IOException e) {
            LOG.warnf("image cache read failed for %s: %s", key, e.toString());
            return null;
        }
    }

    public void put(String key, Encoded encoded) {
        Path target = path(key);
        try {
            Files.createDirectories(target.getParent());
            Path tmp = Files.createTempFile(target.getParent(), key, ".tmp");
            byte[] file = new byte[encoded.bytes().length + 1];
            file[0] = (byte) encoded.format().ordinal();
            System.arraycopy(encoded.bytes(), 0, file, 1, encoded.bytes().length);
            Files.write(tmp, file);
            try {
                Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING);
            }
            synchronized (this) {
                Long old = index.put(key, (long) file.length);
                totalBytes += file.length - (old == null ? 0 : old);
            }
            evict();
        } catch (IOException e) {
            LOG.warnf(
                    "image cache write failed for %s: %s", key, e.toString()); // serving goes on without the disk tier
        }
    }

    private void evict() {
        List<String> victims = new ArrayList<>();
        synchronized (this) {
            Iterator<Map.Entry<String, Long>> it = index.entrySet().iterator();
            while (totalBytes > maxBytes && it.hasNext()) {
                Map.Entry<String, Long> eldest = it.next();
                totalBytes -= eldest.getValue();
                victims.add(eldest.getKey());
                it.remove();
            }
        }
        for (String key : victims) {
            try {
                Files.deleteIfExists(path(key));
            } catch (IOException e) {
                LOG.debugf("could not evict %s: %s", key, e.toString());
            }
        }
    }

    private Path path(String key) {
        return dir.resolve(key.substring(0, 2)).resolve(key);
    }
}
