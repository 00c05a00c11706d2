package dev.newsdesk.image.pipeline;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.newsdesk.http.Prerequisite;
import dev.newsdesk.image.pipeline.ImageOptions.Format;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.Linker;
import java.lang.foreign.MemoryLayout;
import java.lang.foreign.MemorySegment;
import java.lang.foreign.SegmentAllocator;
import java.lang.foreign.StructLayout;
import java.lang.foreign.ValueLayout;
import java.lang.invoke.MethodHandle;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * A leak check, not a benchmark: many WebP and AVIF encodes must not grow the native memory the
 * process holds. Each encode allocates native memory (the input copy, libavif's image and
 * encoder, the output buffers); forgetting to free any of them once per encode would leave at
 * least ~0.3 MB per AVIF (its YUV planes; the input copy 0.7 MB, libaom's encoder several MB) and
 * ~0.3 MB per WebP (the output of incompressible pixels at q100) behind, so 150 rounds leaking
 * would hold 45 MB or more.
 *
 * <p>It counts what the C allocator has handed out and not had back (glibc's {@code mallinfo2}:
 * bytes in use in the heap plus mmapped chunks, which is where libwebp, libavif and the FFM
 * arenas allocate), rather than the resident set: the resident set also grows as the Java heap's
 * pages are touched, by tens of MB on a busy machine, which made the earlier RSS check flaky and
 * a leak of a few MB invisible. Checked against a real leak: without {@code WebPFree} it fails.
 */
class NativeMemoryTest {

    private static final int ROUNDS = 150;
    /** glibc's {@code struct mallinfo2}: ten {@code size_t} counters. */
    private static final StructLayout MALLINFO2 = MemoryLayout.structLayout(
            ValueLayout.JAVA_LONG.withName("arena"),
            ValueLayout.JAVA_LONG.withName("ordblks"),
            ValueLayout.JAVA_LONG.withName("smblks"),
            ValueLayout.JAVA_LONG.withName("hblks"),
            ValueLayout.JAVA_LONG.withName("hblkhd"),
            ValueLayout.JAVA_LONG.withName("usmblks"),
            ValueLayout.JAVA_LONG.withName("fsmblks"),
            ValueLayout.JAVA_LONG.withName("uordblks"),
            ValueLayout.JAVA_LONG.withName("fordblks"),
            ValueLayout.JAVA_LONG.withName("keepcost"));

    @Test
    void manyEncodesDoNotGrowNativeMemory() throws Throwable {
        Codecs codecs = Codecs.load(EnumSet.of(Format.WEBP, Format.AVIF));
        Prerequisite.require(
                codecs.has(Format.WEBP) && codecs.has(Format.AVIF), "needs libwebp and libavif: " + codecs.summary());
        MethodHandle mallinfo2 = mallinfo2();
        Pixels noise = noise(400, 560); // incompressible: large WebP outputs, so a leaked output shows
        Pixels smooth = smooth(400, 560); // quick to encode as AVIF; the leaks that matter there are per image
        for (int i = 0; i < 10; i++) { // warm-up: libaom's and the allocator's one-time state
            codecs.avif(smooth, 80);
            codecs.webp(noise, 100);
        }
        long before = inUse(mallinfo2);
        for (int i = 0; i < ROUNDS; i++) {
            codecs.avif(smooth, 80);
            codecs.webp(noise, 100);
        }
        long grown = inUse(mallinfo2) - before;
        assertTrue(
                grown < 8L << 20, "native memory in use grew by " + (grown >> 10) + " KB over " + ROUNDS + " rounds");
    }

    private static MethodHandle mallinfo2() {
        Linker linker = Linker.nativeLinker();
        Optional<MemorySegment> symbol = linker.defaultLookup().find("mallinfo2");
        Prerequisite.require(symbol.isPresent(), "no glibc mallinfo2 (glibc 2.33+) in this C library");
        return linker.downcallHandle(symbol.get(), FunctionDescriptor.of(MALLINFO2));
    }

    /** Bytes the C allocator has handed out: in its heap ({@code uordblks}) and as mmapped chunks ({@code hblkhd}). */
    private static long inUse(MethodHandle mallinfo2) throws Throwable {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment info = (MemorySegment) mallinfo2.invokeExact((SegmentAllocator) arena);
            return info.get(
                            ValueLayout.JAVA_LONG,
                            MALLINFO2.byteOffset(MemoryLayout.PathElement.groupElement("uordblks")))
                    + info.get(
                            ValueLayout.JAVA_LONG,
                            MALLINFO2.byteOffset(MemoryLayout.PathElement.groupElement("hblkhd")));
        }
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
