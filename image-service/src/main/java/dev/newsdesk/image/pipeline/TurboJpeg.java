package dev.newsdesk.image.pipeline;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
import static java.lang.foreign.ValueLayout.JAVA_INT;
import static java.lang.foreign.ValueLayout.JAVA_LONG;

import dev.newsdesk.image.error.ImageProblems;
import java.lang.foreign.Arena;
import java.lang.foreign.FunctionDescriptor;
import java.lang.foreign.MemorySegment;
import java.lang.invoke.MethodHandle;
import java.util.List;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * JPEG decode and encode through libjpeg-turbo's TurboJPEG API (Debian {@code libturbojpeg0},
 * soname {@code libturbojpeg.so.0}; the 2.x functions, also exported by 3.x). It is the codec
 * libvips uses: SIMD colour conversion, IDCT and Huffman coding, about four times faster than the
 * JDK's own libjpeg 6b (which ImageIO links statically) on both ends, and most of an uncached
 * request's CPU. Decoding can also scale in the DCT (1/2, 1/4, 1/8), the shrink-on-load that
 * only decodes what the output needs.
 * <p>
 * Memory: input and output pixels are copied through a confined arena freed when the call
 * returns; the encoder allocates its output itself, which is copied to the heap and released
 * with {@code tjFree} in a {@code finally}. Handles are made and destroyed per call: they are a
 * few KB and microseconds, and a handle must not be shared between threads.
 */
final class TurboJpeg {

    /** tjhandle tjInitDecompress(void) and tjInitCompress(void). */
    static final FunctionDescriptor INIT = FunctionDescriptor.of(ADDRESS);
    /** int tjDestroy(tjhandle) and int tjGetErrorCode(tjhandle). */
    static final FunctionDescriptor WITH_HANDLE = FunctionDescriptor.of(JAVA_INT, ADDRESS);
    /** char* tjGetErrorStr2(tjhandle). */
    static final FunctionDescriptor ERROR_STRING = FunctionDescriptor.of(ADDRESS, ADDRESS);
    /** int tjDecompressHeader3(handle, jpegBuf, unsigned long size, int* w, int* h, int* subsamp, int* colorspace). */
    static final FunctionDescriptor HEADER =
            FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, ADDRESS, ADDRESS, ADDRESS);
    /** int tjDecompress2(handle, jpegBuf, unsigned long size, dstBuf, int w, int pitch, int h, int pixelFormat, int flags). */
    static final FunctionDescriptor DECOMPRESS = FunctionDescriptor.of(
            JAVA_INT, ADDRESS, ADDRESS, JAVA_LONG, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    /** int tjCompress2(handle, srcBuf, int w, int pitch, int h, int pixelFormat, unsigned char** jpegBuf,
     * unsigned long* size, int subsamp, int quality, int flags). */
    static final FunctionDescriptor COMPRESS = FunctionDescriptor.of(
            JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT, ADDRESS, ADDRESS, JAVA_INT, JAVA_INT,
            JAVA_INT);
    /** void tjFree(unsigned char*). */
    static final FunctionDescriptor FREE = FunctionDescriptor.ofVoid(ADDRESS);

    private static final int PF_BGR = 1, SAMP_420 = 2, CS_RGB = 0, CS_YCBCR = 1, CS_GRAY = 2;
    private static final int FLAG_PROGRESSIVE = 16384, ERR_WARNING = 0;

    /** A plain-colour JPEG's size, from its header. */
    record Header(int width, int height) {}

    private final MethodHandle initDecompress, initCompress, destroy, errorCode, errorString;
    private final MethodHandle header, decompress, compress, free;
    private final String name;

    private TurboJpeg(NativeLibrary lib) {
        this.name = lib.name();
        this.initDecompress = lib.function("tjInitDecompress", INIT);
        this.initCompress = lib.function("tjInitCompress", INIT);
        this.destroy = lib.function("tjDestroy", WITH_HANDLE);
        this.errorCode = lib.function("tjGetErrorCode", WITH_HANDLE);
        this.errorString = lib.function("tjGetErrorStr2", ERROR_STRING);
        this.header = lib.function("tjDecompressHeader3", HEADER);
        this.decompress = lib.function("tjDecompress2", DECOMPRESS);
        this.compress = lib.function("tjCompress2", COMPRESS);
        this.free = lib.function("tjFree", FREE);
    }

    /** libturbojpeg when installed, else empty (the reason goes to {@code unavailable}). */
    static Optional<TurboJpeg> load(StringBuilder unavailable) {
        Optional<NativeLibrary> lib = NativeLibrary.open(List.of("libturbojpeg.so.0", "libturbojpeg.so"));
        if (lib.isEmpty()) {
            unavailable.append("libturbojpeg not found");
            return Optional.empty();
        }
        try {
            return Optional.of(new TurboJpeg(lib.get()));
        } catch (RuntimeException | Error e) {
            unavailable.append(lib.get().name()).append(" unusable: ").append(e);
            return Optional.empty();
        }
    }

    String name() {
        return name;
    }

    /** True for a JPEG's signature (SOI followed by a marker). */
    static boolean isJpeg(byte[] bytes) {
        return bytes.length > 3 && (bytes[0] & 0xff) == 0xff && (bytes[1] & 0xff) == 0xd8 && (bytes[2] & 0xff) == 0xff;
    }

    /**
     * Decodes {@code jpeg} to BGR when libjpeg-turbo reads its header and its colour space is
     * plain (YCbCr, grey or RGB: straight to sRGB bytes), else returns null for the ImageIO path
     * (CMYK and YCCK need a colour profile, which that path applies; an unreadable header gets
     * its error there). {@code denominator} sees the header before any pixel is decoded and
     * answers the DCT scale, 1/1, 1/2, 1/4 or 1/8: each side becomes {@code ceil(side / d)}. A
     * warning (a truncated or slightly damaged stream) still gives the picture, as ImageIO does;
     * a fatal error is the client's 422. One handle and one copy of the input serve both steps.
     */
    Pixels decode(byte[] jpeg, ToIntFunction<Header> denominator) {
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = (MemorySegment) initDecompress.invokeExact();
            try {
                MemorySegment in = arena.allocateFrom(JAVA_BYTE, jpeg);
                MemorySegment ints = arena.allocate(JAVA_INT, 4);
                int rc = (int) header.invokeExact(
                        handle, in, (long) jpeg.length, ints, ints.asSlice(4), ints.asSlice(8), ints.asSlice(12));
                int colourspace = ints.getAtIndex(JAVA_INT, 3);
                if (rc != 0 || !(colourspace == CS_YCBCR || colourspace == CS_GRAY || colourspace == CS_RGB)) {
                    return null;
                }
                Header h = new Header(ints.getAtIndex(JAVA_INT, 0), ints.getAtIndex(JAVA_INT, 1));
                int d = denominator.applyAsInt(h);
                int w = (h.width() + d - 1) / d, ht = (h.height() + d - 1) / d;
                MemorySegment out = arena.allocate((long) w * ht * 3);
                rc = (int) decompress.invokeExact(handle, in, (long) jpeg.length, out, w, 0, ht, PF_BGR, 0);
                if (rc != 0 && (int) errorCode.invokeExact(handle) != ERR_WARNING) {
                    throw ImageProblems.unusableSource("source-corrupt", "The source image could not be decoded");
                }
                return Pixels.bgr(w, ht, out.toArray(JAVA_BYTE));
            } finally {
                int ignored = (int) destroy.invokeExact(handle);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("libturbojpeg call failed", e);
        }
    }

    /** Progressive JPEG, 4:2:0, at libjpeg's {@code quality} scale (the one ImageIO's writer uses), no metadata. */
    byte[] encode(Pixels opaque, int quality) {
        int w = opaque.width(), h = opaque.height();
        try (Arena arena = Arena.ofConfined()) {
            MemorySegment handle = (MemorySegment) initCompress.invokeExact();
            MemorySegment output = arena.allocate(ADDRESS);
            MemorySegment size = arena.allocate(JAVA_LONG);
            try {
                MemorySegment in = arena.allocateFrom(JAVA_BYTE, opaque.bgrBytes());
                int rc = (int) compress.invokeExact(
                        handle, in, w, 0, h, PF_BGR, output, size, SAMP_420, quality, FLAG_PROGRESSIVE);
                if (rc != 0) {
                    String why = NativeLibrary.string((MemorySegment) errorString.invokeExact(handle));
                    throw new IllegalStateException(
                            "libturbojpeg could not encode a " + w + "x" + h + " image: " + why);
                }
                return output.get(ADDRESS, 0)
                        .reinterpret(size.get(JAVA_LONG, 0))
                        .toArray(JAVA_BYTE);
            } finally {
                MemorySegment data = output.get(ADDRESS, 0);
                if (!data.equals(MemorySegment.NULL)) {
                    free.invokeExact(data);
                }
                int ignored = (int) destroy.invokeExact(handle);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("libturbojpeg call failed", e);
        }
    }
}
