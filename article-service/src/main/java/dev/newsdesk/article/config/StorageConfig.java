package dev.newsdesk.article.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** {@code NEWSDESK_DATA_DIR}: the folder of the embedded database's files. */
@ConfigMapping(prefix = "newsdesk")
public interface StorageConfig {

    @WithDefault("./data")
    String dataDir();
}
