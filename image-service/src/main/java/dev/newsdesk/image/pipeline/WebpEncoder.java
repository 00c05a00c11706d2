package dev.newsdesk.image.pipeline;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_FLOAT;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.nio.ByteOrder;
import java.util.List;
import java.util.Optional;

/**
 * Lossy WebP through libwebp's simple encoding API ({@code WebPEncodeBGR}/{@code WebPEncodeBGRA},
 * {@code WebPFree}), the library of the OS package (Debian {@code libwebp7}, soname
 * {@code libwebp.so.7}; its API has been stable since 0.5). The simple API uses libwebp's
 * default preset and method 4, which is what libvips's {@code webpsave} uses by default
 * (effort 4), so the two spend about the same CPU per picture.
 * <p>
 * Memory: the input pixels are copied into a confined arena freed when the call returns;
 * libwebp allocates the output itself, which is copied to the Java heap and released with
 * {@code WebPFree} in a {@code finally}, also when the encode fails.
 */
final class WebpEncoder {

    /** size_t WebPEncodeBGR[A](const uint8_t* in, int w, int h, int stride, float q, uint8_t** out). */
    static final FunctionDescriptor ENCODE =
            FunctionDescriptor.of(JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_FLOAT, ADDRESS);
    /** void WebPFree(void* ptr). */
    static final FunctionDescriptor FREE = FunctionDescriptor.ofVoid(ADDRESS);
    /** int WebPGetEncoderVersion(void): 0xMMmmpp. */
    static final FunctionDescriptor VERSION = FunctionDescriptor.of(JAVA_INT);

    private final MethodHandle encodeBgr;
    private final MethodHandle encodeBgra;
    private final MethodHandle free;
    private final String version;

    private WebpEncoder(NativeLibrary lib) throws Throwable {
        this.encodeBgr = lib.function("WebPEncodeBGR", ENCODE);
        this.encodeBgra = lib.function("WebPEncodeBGRA", ENCODE);
        this.free = lib.function("WebPFree", FREE);
        int v = (int) lib.function("WebPGetEncoderVersion", VERSION).invokeExact();
        this.version = (v >> 16) + "." + ((v >> 8) & 0xff) + "." + (v & 0xff);
    }

    /** libwebp when installed, else empty (the reason goes to {@code unavailable}). */
    static Optional<WebpEncoder> load(StringBuilder unavailable) {
        Optional<NativeLibrary> lib = NativeLibrary.open(List.of("libwebp.so.7", "libwebp.so"));
        if (lib.isEmpty()) {
            unavailable.append("libwebp not found");
            return Optional.empty();
        }
        try {
            return Optional.of(new WebpEncoder(lib.get()));
        } catch (Throwable e) {
            unavailable.append(lib.get().name()).append(" unusable: ").append(e);
            return Optional.empty();
        }
    }

    String version() {
        return version;
    }

    /** Lossy WebP at libwebp's {@code quality} (0–100); transparency is kept. */
    byte[] encode(Pixels pixels, float quality) {
        int w = pixels.width(), h = pixels.height();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment output = arena.allocate(ADDRESS);
            long size;
            if (pixels.alpha()) {
                // An ARGB int in little-endian byte order is the bytes B, G, R, A: libwebp's BGRA.
                MemorySegment in = arena.allocateFrom(JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN), pixels.argb());
                size = (long) encodeBgra.invokeExact(in, w, h, w * 4, quality, output);
            } else {
                MemorySegment in = arena.allocateFrom(JAVA_BYTE, pixels.bgrBytes());
                size = (long) encodeBgr.invokeExact(in, w, h, w * 3, quality, output);
            }
            MemorySegment data = output.get(ADDRESS, 0);
            try {
                if (size == 0 || data.equals(MemorySegment.NULL)) {
                    throw new IllegalStateException("libwebp could not encode a " + w + "x" + h + " image");
                }
                return data.reinterpret(size).toArray(JAVA_BYTE);
            } finally {
                if (!data.equals(MemorySegment.NULL)) {
                    free.invokeExact(data);
                }
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("libwebp call failed", e);
        }
    }
}
