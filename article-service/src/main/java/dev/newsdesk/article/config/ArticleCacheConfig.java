package dev.newsdesk.article.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How much of the articles' JSON and pages each replica keeps, in memory and on its own disk. */
@ConfigMapping(prefix = "newsdesk")
public interface ArticleCacheConfig {

    /**
     * {@code NEWSDESK_ARTICLE_CACHE_BYTES}: bound of the articles' JSON kept on the heap (32 MiB; the
     * hit ratios behind it are in bench/README.md, "Cache sizing").
     */
    @WithDefault("33554432")
    long articleCacheBytes();

    /** {@code NEWSDESK_DATA_DIR}: the replica's own folder (an emptyDir in the cluster). */
    @WithDefault("./data")
    String dataDir();

    /**
     * {@code NEWSDESK_ARTICLE_FILES_BYTES}: bound of the articles' JSON kept as files under the data
     * folder (1 GiB, like the image-service's disk cache: about 60,000 articles of 17 KB, the
     * bench corpus' mean, with ~6 MB of heap for their index); 0 keeps none.
     */
    @WithDefault("1073741824")
    long articleFilesBytes();

    /**
     * {@code NEWSDESK_PAGE_FILES_BYTES}: bound of the article pages kept as files under the data
     * folder, identity and gzip together (1 GiB: about 40,000 pages of the bench corpus, ~26 KB
     * each with their gzip copy); 0 keeps none.
     */
    @WithDefault("1073741824")
    long pageFilesBytes();
}
