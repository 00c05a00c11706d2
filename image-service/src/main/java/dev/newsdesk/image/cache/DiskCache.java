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
import java.util.EnumMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Encoded outputs on disk under {@code NEWSDESK_DATA_DIR/image-cache}, one file per cache key,
 * bounded in bytes: the least recently used files go first. A file outlives releases, so it
 * names its format by a fixed byte, never by the enum's position: {@link #MAGIC} (which no
 * earlier layout starts with), the format's code from {@link #CODES}, then the encoded bytes.
 * A file in any other layout (the old one began with the enum ordinal) is deleted and counts as
 * a miss: the image is simply rendered again. The
 * index lives in memory and is rebuilt from the folder (oldest modification first) at start.
 * Writes go to a temporary file and are moved into place, so a reader never sees half a file.
 * Blocking I/O: called from the fetch pool, never the event loop.
 */
public final class DiskCache {

    private static final Logger LOG = Logger.getLogger(DiskCache.class);

    /** "ND" and the layout's version: the first bytes of every file this layout writes. */
    static final byte[] MAGIC = {'N', 'D', '1'};
    /** One fixed byte per format; add new formats with new letters, never reuse one. */
    static final Map<Format, Byte> CODES = new EnumMap<>(Map.of(
            Format.JPEG, (byte) 'j',
            Format.PNG, (byte) 'p',
            Format.WEBP, (byte) 'w',
            Format.AVIF, (byte) 'a',
            Format.JSON, (byte) 'i'));

    private static final int HEADER = MAGIC.length + 1;

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
            Format format = formatOf(file);
            if (format == null) {
                LOG.debugf("image cache file %s is in an unknown layout; discarded", key);
                remove(key);
                return null;
            }
            return Encoded.of(Arrays.copyOfRange(file, HEADER, file.length), format);
        } catch (NoSuchFileException e) {
            forget(key);
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
            byte[] file = new byte[HEADER + encoded.bytes().length];
            System.arraycopy(MAGIC, 0, file, 0, MAGIC.length);
            file[MAGIC.length] = CODES.get(encoded.format());
            System.arraycopy(encoded.bytes(), 0, file, HEADER, encoded.bytes().length);
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

    /** The format a file in this layout names, or null for any other file (too short, old layout, unknown code). */
    static Format formatOf(byte[] file) {
        if (file.length <= HEADER || !Arrays.equals(file, 0, MAGIC.length, MAGIC, 0, MAGIC.length)) {
            return null;
        }
        for (Map.Entry<Format, Byte> code : CODES.entrySet()) {
            if (code.getValue() == file[MAGIC.length]) {
                return code.getKey();
            }
        }
        return null;
    }

    private void remove(String key) {
        forget(key);
        try {
            Files.deleteIfExists(path(key));
        } catch (IOException e) {
            LOG.debugf("could not delete %s: %s", key, e.toString());
        }
    }

    private synchronized void forget(String key) {
        Long size = index.remove(key);
        totalBytes -= size == null ? 0 : size;
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
