package dev.newsdesk.http;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/**
 * The origins a page may load from besides its own: the same variables the services build
 * their links from, so that the policy allows exactly what the pages link to.
 */
@ConfigMapping(prefix = "newsdesk")
public interface SecurityHeadersConfig {

    /** {@code NEWSDESK_PUBLIC_BASE_URL}: pages link the stylesheet, icon and search form here. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** {@code NEWSDESK_IMAGE_BASE_URL}: pages load their pictures from here; the public base when unset. */
    Optional<String> imageBaseUrl();
}
