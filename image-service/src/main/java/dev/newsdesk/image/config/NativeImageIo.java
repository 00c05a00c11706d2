package dev.newsdesk.image.config;

import io.quarkus.runtime.annotations.RegisterForReflection;

/**
 * Native images: quarkus-awt makes Java2D and the JDK's ImageIO plugins work; the TwelveMonkeys
 * plugins (CMYK/YCCK JPEG, WebP decoding) are found through {@code META-INF/services}, which
 * ImageIO instantiates reflectively, so their service providers are registered here and the
 * service files are included as resources ({@code quarkus.native.resources.includes}).
 * The WebP encoder is our own pure-Java code: nothing to register, no JNI library to load.
 */
@RegisterForReflection(classNames = {
    "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageReaderSpi",
    "com.twelvemonkeys.imageio.plugins.jpeg.JPEGImageWriterSpi",
    "com.twelvemonkeys.imageio.plugins.webp.WebPImageReaderSpi",
})
public final class NativeImageIo {

    private NativeImageIo() {
    }
}
