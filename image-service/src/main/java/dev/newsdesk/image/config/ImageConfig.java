package dev.newsdesk.image.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The image-service's contract settings (environment variables {@code NEWSDESK_*}). */
@ConfigMapping(prefix = "newsdesk")
public interface ImageConfig {

    /** {@code NEWSDESK_IMAGE_SIGNING_KEY}: hex, at least 32 bytes; unset accepts the signature {@code unsafe}. */
    Optional<String> imageSigningKey();

    /** {@code NEWSDESK_IMAGE_ALLOWED_SOURCES}: URL prefixes an origin URL must start with. */
    @WithDefault("https://dfscdn.dfcfw.com/")
    List<String> imageAllowedSources();

    /** {@code NEWSDESK_DATA_DIR}: the disk cache lives under it. */
    @WithDefault("./data")
    String dataDir();

    /** {@code NEWSDESK_IMAGE_MAX_SOURCE_PIXELS}: sources declaring more pixels are refused before decoding. */
    @WithDefault("50000000")
    long imageMaxSourcePixels();

    /** {@code NEWSDESK_IMAGE_MAX_SOURCE_BYTES}: origin bodies larger than this are refused (20 MiB). */
    @WithDefault("20971520")
    long imageMaxSourceBytes();

    /** {@code NEWSDESK_IMAGE_MEMORY_CACHE_BYTES}: bound of the in-memory cache of encoded outputs (64 MiB). */
    @WithDefault("67108864")
    long imageMemoryCacheBytes();

    /** {@code NEWSDESK_IMAGE_DISK_CACHE_BYTES}: bound of the disk cache under the data folder (1 GiB). */
    @WithDefault("1073741824")
    long imageDiskCacheBytes();

    /** {@code NEWSDESK_IMAGE_WORKERS}: decode/resize threads; 0 means one per core. */
    @WithDefault("0")
    int imageWorkers();

    /** {@code NEWSDESK_IMAGE_QUEUE}: resizes that may wait for a worker before requests get 503; 0 means sixteen per worker (one cold page of thumbnails). */
    @WithDefault("0")
    int imageQueue();

    /** {@code NEWSDESK_IMAGE_RESIZE_FILTER}: {@code lanczos3} (sharpest) or {@code catmull-rom} (bicubic, fewer taps). */
    @WithDefault("lanczos3")
    String imageResizeFilter();

    /** {@code NEWSDESK_IMAGE_ORIGIN_TIMEOUT}: the whole origin fetch (connect, redirects, body) must end within it. */
    @WithDefault("10s")
    Duration imageOriginTimeout();

    /** {@code NEWSDESK_IMAGE_ORIGIN_CONNECT_TIMEOUT}: one TCP connect to the origin. */
    @WithDefault("3s")
    Duration imageOriginConnectTimeout();

    /** {@code NEWSDESK_IMAGE_ORIGIN_READ_TIMEOUT}: the longest silence while reading the origin's answer. */
    @WithDefault("5s")
    Duration imageOriginReadTimeout();

    /** {@code NEWSDESK_IMAGE_ORIGIN_MAX_REDIRECTS}: redirects followed (each one checked like the first URL). */
    @WithDefault("3")
    int imageOriginMaxRedirects();

    /**
     * {@code NEWSDESK_IMAGE_ENCODERS}: the native encoders to use when their library is installed,
     * {@code webp} and/or {@code avif} ({@code none}: JPEG and PNG only, e.g. to save CPU).
     */
    @WithDefault("webp,avif")
    List<String> imageEncoders();
}
