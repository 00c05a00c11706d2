package dev.newsdesk.article.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;

/** {@code NEWSDESK_IMAGE_SIGNING_KEY}: hex HMAC key shared with the image-service; unset gives {@code unsafe} URLs. */
@ConfigMapping(prefix = "newsdesk")
public interface ImageSigningConfig {

    Optional<String> imageSigningKey();
}
