package dev.newsdesk.image.pipeline;

import org.graalvm.nativeimage.hosted.Feature;
import org.graalvm.nativeimage.hosted.RuntimeForeignAccess;

/**
 * Native image: a downcall stub is generated at build time for each function descriptor the
 * encoders use, so the FFM calls to libwebp and libavif work in the native executable (the
 * libraries themselves are still opened at run time, and may be missing). Registered with
 * {@code --features} in {@code quarkus.native.additional-build-args}; never loaded on the JVM.
 */
public final class NativeDowncalls implements Feature {

    @Override
    public void duringSetup(DuringSetupAccess access) {
        for (Object descriptor : new Object[] {WebpEncoder.ENCODE, WebpEncoder.FREE, WebpEncoder.VERSION, AvifEncoder.VERSION,
                AvifEncoder.IMAGE_CREATE, AvifEncoder.ONE_POINTER, AvifEncoder.TWO_POINTERS, AvifEncoder.RGB_TO_YUV,
                AvifEncoder.ENCODER_WRITE, AvifEncoder.RESULT_TO_STRING}) {
            RuntimeForeignAccess.registerForDowncall(descriptor);
        }
    }
}
