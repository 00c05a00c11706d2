package dev.newsdesk.article.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** Where clients reach the system: the absolute bases for links in pages, JSON and image URLs. */
@ConfigMapping(prefix = "newsdesk")
public interface LinksConfig {

    /** {@code NEWSDESK_PUBLIC_BASE_URL}: the base of page and feed links. */
    @WithDefault("http://localhost:8080")
    String publicBaseUrl();

    /** {@code NEWSDESK_IMAGE_BASE_URL}: where {@code /img/**} is reachable; the public base when unset. */
    Optional<String> imageBaseUrl();

    /** {@code NEWSDESK_FEED_BASE_URL}: where {@code /feeds/**} is reachable; the public base when unset. */
    Optional<String> feedBaseUrl();

    default String feedBase() {
        return stripSlash(feedBaseUrl().orElse(publicBaseUrl()));
    }

    default String imageBase() {
        return stripSlash(imageBaseUrl().orElse(publicBaseUrl()));
    }

    default String publicBase() {
        return stripSlash(publicBaseUrl());
    }

    private static String stripSlash(String url) {
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
