package dev.newsdesk.image.pipeline;

import org.graalvm.nativeimage.hosted.Feature;
import org.graalvm.nativeimage.hosted.RuntimeForeignAccess;

/**
 * Native image: a downcall stub is generated at build time for each function descriptor the
 * codecs use, so the FFM calls to libturbojpeg, libwebp and libavif work in the native executable (the
 * libraries themselves are still opened at run time, and may be missing). Registered with
 * {@code --features} in {@code quarkus.native.additional-build-args}; never loaded on the JVM.
 * <p>
 * A builder without FFM support (its {@value #FOREIGN_MODULE} module; e.g. the native-analysis
 * tool's builder made from the Maven Central jars) cannot make the stubs: the feature then stays
 * out, and the image runs with JPEG and PNG through ImageIO only — the libraries' lookup fails at
 * start, which the start-up log says, exactly as on a host without them.
 */
public final class NativeDowncalls implements Feature {

    static final String FOREIGN_MODULE = "org.graalvm.nativeimage.foreign";

    @Override
    public boolean isInConfiguration(IsInConfigurationAccess access) {
        return ModuleLayer.boot().findModule(FOREIGN_MODULE).isPresent();
    }

    @Override
    public void duringSetup(DuringSetupAccess access) {
        for (Object descriptor : new Object[] {
            TurboJpeg.INIT,
            TurboJpeg.WITH_HANDLE,
            TurboJpeg.ERROR_STRING,
            TurboJpeg.HEADER,
            TurboJpeg.DECOMPRESS,
            TurboJpeg.COMPRESS,
            TurboJpeg.FREE,
            WebpEncoder.ENCODE,
            WebpEncoder.FREE,
            WebpEncoder.VERSION,
            AvifEncoder.VERSION,
            AvifEncoder.IMAGE_CREATE,
            AvifEncoder.ONE_POINTER,
            AvifEncoder.TWO_POINTERS,
            AvifEncoder.RGB_TO_YUV,
            AvifEncoder.ENCODER_WRITE,
            AvifEncoder.RESULT_TO_STRING
        }) {
            RuntimeForeignAccess.registerForDowncall(descriptor);
        }
    }
}
