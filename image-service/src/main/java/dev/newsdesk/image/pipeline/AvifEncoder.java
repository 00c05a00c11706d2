package dev.newsdesk.image.pipeline;

import static java.lang.foreign.ValueLayout.ADDRESS;
import static java.lang.foreign.ValueLayout.JAVA_BYTE;
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
 * AVIF through libavif (with libaom as its AV1 encoder), the library of the OS package (Debian
 * bookworm {@code libavif15}, version 0.11.1).
 * <p>
 * <b>ABI.</b> Two structs are written field by field, so their layout must be the one this class
 * was written against: {@code avifRGBImage} and the head of {@code avifEncoder} as
 * {@code avif/avif.h} of <b>libavif 0.11</b> defines them (x86-64/aarch64 LP64; offsets below).
 * libavif 1.0 inserted fields into {@code avifEncoder} (quality, qualityAlpha, ...), so the
 * library is used only when {@code avifVersion()} says 0.11.x; any other version leaves AVIF
 * unavailable with a log line, rather than writing into the wrong fields. After
 * {@code avifRGBImageSetDefaults} the width, height and depth it wrote are read back at our
 * offsets as a second check.
 * <p>
 * <b>Memory.</b> Pixels go into a confined arena freed when the call returns; the
 * {@code avifImage}, the {@code avifEncoder} and the output {@code avifRWData} are allocated by
 * libavif and released in {@code finally} blocks ({@code avifImageDestroy},
 * {@code avifEncoderDestroy}, {@code avifRWDataFree}) on every path.
 */
final class AvifEncoder {

    // avifRGBImage (0.11): uint32 width@0, height@4, depth@8, enum format@12, chromaUpsampling@16,
    // chromaDownsampling@20, avifBool avoidLibYUV@24, ignoreAlpha@28, alphaPremultiplied@32,
    // isFloat@36, uint8_t* pixels@40, uint32 rowBytes@48; sizeof 56.
    private static final long RGB_SIZE = 56,
            RGB_WIDTH = 0,
            RGB_HEIGHT = 4,
            RGB_DEPTH = 8,
            RGB_FORMAT = 12,
            RGB_PIXELS = 40,
            RGB_ROW_BYTES = 48;
    // avifEncoder (0.11): enum codecChoice@0, int maxThreads@4, speed@8, keyframeInterval@12,
    // uint64 timescale@16, int minQuantizer@24, maxQuantizer@28, minQuantizerAlpha@32,
    // maxQuantizerAlpha@36, tileRowsLog2@40, tileColsLog2@44, ...
    private static final long ENC_HEAD = 48, ENC_MAX_THREADS = 4, ENC_SPEED = 8, ENC_MIN_Q = 24, ENC_MAX_Q = 28;
    private static final int RGB_FORMAT_BGR = 3, RGB_FORMAT_BGRA = 4, PIXEL_FORMAT_YUV420 = 3, RESULT_OK = 0;
    private static final String ABI_VERSION = "0.11.";

    static final FunctionDescriptor VERSION = FunctionDescriptor.of(ADDRESS);
    static final FunctionDescriptor IMAGE_CREATE =
            FunctionDescriptor.of(ADDRESS, JAVA_INT, JAVA_INT, JAVA_INT, JAVA_INT);
    static final FunctionDescriptor ONE_POINTER = FunctionDescriptor.ofVoid(ADDRESS);
    static final FunctionDescriptor TWO_POINTERS = FunctionDescriptor.ofVoid(ADDRESS, ADDRESS);
    static final FunctionDescriptor RGB_TO_YUV = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS);
    static final FunctionDescriptor ENCODER_WRITE = FunctionDescriptor.of(JAVA_INT, ADDRESS, ADDRESS, ADDRESS);
    static final FunctionDescriptor RESULT_TO_STRING = FunctionDescriptor.of(ADDRESS, JAVA_INT);

    private final MethodHandle imageCreate, imageDestroy, rgbDefaults, rgbToYuv;
    private final MethodHandle encoderCreate, encoderWrite, encoderDestroy, rwDataFree, resultToString;
    private final String version;

    private AvifEncoder(NativeLibrary lib, String version) {
        this.version = version;
        this.imageCreate = lib.function("avifImageCreate", IMAGE_CREATE);
        this.imageDestroy = lib.function("avifImageDestroy", ONE_POINTER);
        this.rgbDefaults = lib.function("avifRGBImageSetDefaults", TWO_POINTERS);
        this.rgbToYuv = lib.function("avifImageRGBToYUV", RGB_TO_YUV);
        this.encoderCreate = lib.function("avifEncoderCreate", VERSION);
        this.encoderWrite = lib.function("avifEncoderWrite", ENCODER_WRITE);
        this.encoderDestroy = lib.function("avifEncoderDestroy", ONE_POINTER);
        this.rwDataFree = lib.function("avifRWDataFree", ONE_POINTER);
        this.resultToString = lib.function("avifResultToString", RESULT_TO_STRING);
    }

    /** libavif 0.11 when installed, else empty (the reason goes to {@code unavailable}). */
    static Optional<AvifEncoder> load(StringBuilder unavailable) {
        Optional<NativeLibrary> lib = NativeLibrary.open(List.of("libavif.so.15", "libavif.so"));
        if (lib.isEmpty()) {
            unavailable.append("libavif not found");
            return Optional.empty();
        }
        try {
            String version = NativeLibrary.string(
                    (MemorySegment) lib.get().function("avifVersion", VERSION).invokeExact());
            if (!version.startsWith(ABI_VERSION)) {
                unavailable
                        .append(lib.get().name())
                        .append(" is version ")
                        .append(version)
                        .append("; this build reads the struct layout of ")
                        .append(ABI_VERSION)
                        .append('x');
                return Optional.empty();
            }
            return Optional.of(new AvifEncoder(lib.get(), version));
        } catch (Throwable e) {
            unavailable.append(lib.get().name()).append(" unusable: ").append(e);
            return Optional.empty();
        }
    }

    String version() {
        return version;
    }

    /**
     * AVIF, 8-bit 4:2:0 (as libvips and most encoders send at this quality), full range, at the
     * AV1 {@code quantizer} (0 best – 63 worst) and libaom {@code speed} (0 slowest – 10 fastest),
     * on one thread (the worker pool provides the parallelism). Alpha is kept, losslessly.
     */
    byte[] encode(Pixels pixels, int quantizer, int speed) {
        int w = pixels.width(), h = pixels.height();
        try {
            MemorySegment image = (MemorySegment) imageCreate.invokeExact(w, h, 8, PIXEL_FORMAT_YUV420);
            if (image.equals(MemorySegment.NULL)) {
                throw new IllegalStateException("avifImageCreate failed for " + w + "x" + h);
            }
            MemorySegment encoder = MemorySegment.NULL;
            try (Arena arena = Arena.ofConfined()) {
                MemorySegment rgb = arena.allocate(RGB_SIZE, 8);
                rgbDefaults.invokeExact(rgb, image);
                if (rgb.get(JAVA_INT, RGB_WIDTH) != w
                        || rgb.get(JAVA_INT, RGB_HEIGHT) != h
                        || rgb.get(JAVA_INT, RGB_DEPTH) != 8) {
                    throw new IllegalStateException("avifRGBImage layout is not libavif 0.11's");
                }
                MemorySegment in;
                if (pixels.alpha()) {
                    in = arena.allocateFrom(
                            JAVA_INT.withOrder(ByteOrder.LITTLE_ENDIAN), pixels.argb()); // bytes B,G,R,A
                    rgb.set(JAVA_INT, RGB_FORMAT, RGB_FORMAT_BGRA);
                    rgb.set(JAVA_INT, RGB_ROW_BYTES, w * 4);
                } else {
                    in = arena.allocateFrom(JAVA_BYTE, pixels.bgrBytes());
                    rgb.set(JAVA_INT, RGB_FORMAT, RGB_FORMAT_BGR);
                    rgb.set(JAVA_INT, RGB_ROW_BYTES, w * 3);
                }
                rgb.set(ADDRESS, RGB_PIXELS, in);
                check((int) rgbToYuv.invokeExact(image, rgb), "avifImageRGBToYUV");

                encoder = (MemorySegment) encoderCreate.invokeExact();
                if (encoder.equals(MemorySegment.NULL)) {
                    throw new IllegalStateException("avifEncoderCreate failed");
                }
                MemorySegment settings = encoder.reinterpret(ENC_HEAD);
                settings.set(JAVA_INT, ENC_MAX_THREADS, 1);
                settings.set(JAVA_INT, ENC_SPEED, speed);
                settings.set(JAVA_INT, ENC_MIN_Q, quantizer);
                settings.set(JAVA_INT, ENC_MAX_Q, quantizer);

                MemorySegment output = arena.allocate(16, 8); // avifRWData {uint8_t* data; size_t size}, zeroed
                try {
                    check((int) encoderWrite.invokeExact(encoder, image, output), "avifEncoderWrite");
                    long size = output.get(JAVA_LONG, 8);
                    return output.get(ADDRESS, 0).reinterpret(size).toArray(JAVA_BYTE);
                } finally {
                    rwDataFree.invokeExact(output); // frees data (NULL-safe) and zeroes the struct
                }
            } finally {
                if (!encoder.equals(MemorySegment.NULL)) {
                    encoderDestroy.invokeExact(encoder);
                }
                imageDestroy.invokeExact(image);
            }
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Throwable e) {
            throw new IllegalStateException("libavif call failed", e);
        }
    }

    private void check(int result, String call) throws Throwable {
        if (result != RESULT_OK) {
            throw new IllegalStateException(
                    call + ": " + NativeLibrary.string((MemorySegment) resultToString.invokeExact(result)));
        }
    }
}
