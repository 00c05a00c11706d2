package dev.newsdesk.article.config;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/** {@code NEWSDESK_API_TOKENS}: the bearer tokens accepted for writes, comma-separated; unset refuses writes outside dev mode. */
@ConfigMapping(prefix = "newsdesk")
public interface ApiConfig {

    Optional<List<String>> apiTokens();
}
