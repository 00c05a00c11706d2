package dev.newsdesk.image.config;

import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

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
}
