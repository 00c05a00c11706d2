package dev.newsdesk.image.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.image.pipeline.ImageOptions.Format;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Random;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A leak check, not a benchmark: many WebP and AVIF encodes must not grow the process's
 * resident memory outside the Java heap. Each encode allocates native memory (the input copy,
 * libavif's image and encoder, the output buffers); forgetting to free any of them once per
 * encode grows RSS by at least ~0.3 MB per AVIF (its YUV planes; the input copy 0.7 MB, libaom's
 * encoder several MB) and ~0.3 MB per WebP (the output of incompressible pixels at q100), so 150
 * rounds leaking would add 45 MB or more, while a correct build stays flat apart from allocator
 * noise. The bound is generous for that (30 MB) and the Java heap's own growth is subtracted.
 */
class NativeMemoryTest {

    private static final int ROUNDS = 150;

    @Test
    void manyEncodesDoNotGrowNativeMemory() throws IOException {
        Codecs codecs = Codecs.load(EnumSet.of(Format.WEBP, Format.AVIF));
        Assumptions.assumeTrue(
                codecs.has(Format.WEBP) && codecs.has(Format.AVIF), "needs libwebp and libavif: " + codecs.summary());
        Pixels noise = noise(400, 560); // incompressible: large WebP outputs, so a leaked output shows
        Pixels smooth = smooth(400, 560); // quick to encode as AVIF; the leaks that matter there are per image
        for (int i = 0; i < 10; i++) { // warm-up: libaom's and the allocator's one-time state
            codecs.avif(smooth, 80);
            codecs.webp(noise, 100);
        }
        long before = nativeBytes();
        for (int i = 0; i < ROUNDS; i++) {
            codecs.avif(smooth, 80);
            codecs.webp(noise, 100);
        }
        long grown = nativeBytes() - before;
        assertTrue(
                grown < 30L << 20,
                "resident memory outside the heap grew by " + (grown >> 20) + " MB over " + ROUNDS + " rounds");
    }

    /** VmRSS minus what the JVM has committed for heap and non-heap: roughly the native allocations. */
    private static long nativeBytes() throws IOException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long rss = 0;
        for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
            if (line.startsWith("VmRSS:")) {
                rss = Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
            }
        }
        Assumptions.assumeTrue(rss > 0, "no /proc/self/status VmRSS on this OS");
        return rss
                - memory.getHeapMemoryUsage().getCommitted()
                - memory.getNonHeapMemoryUsage().getCommitted();
    }

    private static Pixels smooth(int w, int h) {
        byte[] bgr = new byte[w * h * 3];
        for (int i = 0; i < w * h; i++) {
            bgr[3 * i] = (byte) (i % w * 255 / w);
            bgr[3 * i + 1] = (byte) (i / w * 255 / h);
            bgr[3 * i + 2] = (byte) 128;
        }
        return Pixels.bgr(w, h, bgr);
    }

    private static Pixels noise(int w, int h) {
        byte[] bgr = new byte[w * h * 3];
        new Random(42).nextBytes(bgr);
        return Pixels.bgr(w, h, bgr);
    }
}
