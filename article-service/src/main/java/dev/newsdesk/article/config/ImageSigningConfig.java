package dev.newsdesk.article.config;

import io.smallrye.config.ConfigMapping;
import java.util.Optional;

/** {@code NEWSDESK_IMAGE_SIGNING_KEY}: hex HMAC key shared with the image-service; unset gives {@code unsafe} URLs. */
@ConfigMapping(prefix = "newsdesk")
public interface ImageSigningConfig {

    Optional<String> imageSigningKey();
}
