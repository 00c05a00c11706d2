package dev.newsdesk.image.cache;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.newsdesk.image.pipeline.ImageOptions.Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiskCacheTest {

    private static final byte[] WEBP_BYTES = "RIFF....WEBPVP8 not a real picture".getBytes(StandardCharsets.US_ASCII);
    private static final String KEY = "ab12cd34";

    @TempDir
    Path dir;

    @Test
    void everyFormatRoundTripsUnderItsOwnByte() {
        DiskCache cache = new DiskCache(dir, 1 << 20);
        for (Format format : DiskCache.CODES.keySet()) {
            String key = "ff" + format.name().toLowerCase();
            cache.put(key, Encoded.of(WEBP_BYTES, format));
            Encoded back = new DiskCache(dir, 1 << 20).get(key);
            assertEquals(format, back.format(), format.name());
            assertArrayEquals(WEBP_BYTES, back.bytes());
        }
    }

    /** The bytes on disk are pinned: reordering or extending the enum must not change what a file means. */
    @Test
    void theFileLayoutIsFixedBytesNotEnumPositions() throws Exception {
        new DiskCache(dir, 1 << 20).put(KEY, Encoded.of(WEBP_BYTES, Format.WEBP));
        byte[] file = Files.readAllBytes(dir.resolve("ab").resolve(KEY));
        assertEquals("ND1w", new String(file, 0, 4, StandardCharsets.US_ASCII));
        assertArrayEquals(WEBP_BYTES, Arrays.copyOfRange(file, 4, file.length));
        assertEquals(
                Arrays.stream(Format.values()).filter(f -> f.mediaType != null).count(),
                DiskCache.CODES.values().stream().distinct().count(),
                "one code for every format an answer can have (AUTO is a request's), none shared");
    }

    /** A file in the ordinal layout (first byte: the enum position) is discarded, never served under a guessed type. */
    @Test
    void aFileInTheOldOrdinalLayoutIsAMissAndIsDeleted() throws Exception {
        Path old = Files.createDirectories(dir.resolve("ab")).resolve(KEY);
        byte[] file = new byte[WEBP_BYTES.length + 1];
        file[0] = 2; // WEBP's ordinal then
        System.arraycopy(WEBP_BYTES, 0, file, 1, WEBP_BYTES.length);
        Files.write(old, file);

        DiskCache cache = new DiskCache(dir, 1 << 20);
        assertNull(cache.get(KEY));
        assertFalse(Files.exists(old), "the old file is removed");
        cache.put(KEY, Encoded.of(WEBP_BYTES, Format.WEBP));
        assertEquals(Format.WEBP, cache.get(KEY).format(), "and the key is usable again");
    }

    @Test
    void aTruncatedFileIsAMiss() throws Exception {
        Path cut = Files.createDirectories(dir.resolve("ab")).resolve(KEY);
        Files.write(cut, new byte[] {'N', 'D', '1'});
        assertNull(new DiskCache(dir, 1 << 20).get(KEY));
    }
}
