package dev.newsdesk.image.pipeline;

import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.error.ImageProblems;
import java.util.concurrent.Semaphore;

/**
 * Heap reserved for decoding and resizing, so that concurrent large sources are turned away
 * (503) instead of running the heap out. Each render reserves an estimate from the header —
 * about {@link #BYTES_PER_PIXEL} bytes per decoded pixel: the decoder's raster (3–8), the packed
 * pixels (4), the resizer's float copy (12–16) — before any pixel is decoded, and gives it back
 * when done. A source that could never fit is refused outright (422).
 */
public final class MemoryBudget {

    static final int BYTES_PER_PIXEL = 24;
    private static final long UNIT = 64 * 1024;

    private final Semaphore units;
    private final int total;

    public MemoryBudget(long bytes) {
        this.total = (int) Math.max(1, Math.min(Integer.MAX_VALUE, bytes / UNIT));
        this.units = new Semaphore(total);
    }

    /** Half of the maximum heap: the rest is for caches, requests and the framework. */
    public static MemoryBudget halfOfHeap() {
        return new MemoryBudget(Runtime.getRuntime().maxMemory() / 2);
    }

    /** Reserves room for {@code pixels} decoded pixels; the returned handle gives it back. */
    public Reservation reserve(long pixels) {
        long needed = Math.max(1, pixels * BYTES_PER_PIXEL / UNIT);
        if (needed > total) {
            throw ImageProblems.unusableSource(
                    "source-too-many-pixels",
                    "The source needs more memory to decode than this instance has (" + pixels + " pixels)");
        }
        if (!units.tryAcquire((int) needed)) {
            throw ProblemException.unavailable("Too many large images are being decoded; retry shortly", 2);
        }
        return () -> units.release((int) needed);
    }

    public int available() {
        return units.availablePermits();
    }

    /** A reservation, released exactly once. */
    public interface Reservation extends AutoCloseable {
        @Override
        void close();
    }
}
