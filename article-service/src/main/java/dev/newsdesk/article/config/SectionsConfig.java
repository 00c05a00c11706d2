package dev.newsdesk.article.config;

import io.smallrye.config.ConfigMapping;
import java.util.Map;

/**
 * Section names chosen by the operator, over the names learned on import:
 * {@code newsdesk.sections."jiemianxinwen"=界面新闻}. A property (application.properties, a
 * system property or a config map mounted as one): slugs are case-sensitive map keys, which
 * upper-case environment variable names cannot spell reliably.
 */
@ConfigMapping(prefix = "newsdesk")
public interface SectionsConfig {

    /** {@code newsdesk.sections."slug"}: category slug to the name readers see. */
    Map<String, String> sections();
}
