package dev.newsdesk.image.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native images: quarkus-awt makes Java2D and the JDK's ImageIO plugins work; the TwelveMonkeys
 * plugins (CMYK/YCCK JPEG, WebP decoding) are found through {@code META-INF/services}, which
 * ImageIO instantiates reflectively, so their service providers are registered here and the
 * service files are included as resources ({@code quarkus.native.resources.includes}).
 * The WebP and AVIF encoders reach the OS libraries through FFM; their downcalls are registered
 * by {@link dev.newsdesk.image.pipeline.NativeDowncalls}.
 */
@RegisterForReflection(
        classNames = {
            "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi",
            "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageWriterSpi",
            "com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi",
        })
public final class NativeImageIo {

    private NativeImageIo() {}
}
