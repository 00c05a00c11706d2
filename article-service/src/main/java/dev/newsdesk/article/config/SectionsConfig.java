package dev.newsdesk.article.config;

import java.util.Map;

import io.smallrye.config.ConfigMapping;

/**
 * Section names chosen by the operator, over the names learned on import:
 * {@code newsdesk.sections."jiemianxinwen"=界面新闻} (as an environment variable
 * {@code NEWSDESK_SECTIONS__JIEMIANXINWEN_}, when the slug has no characters an environment
 * variable name cannot hold).
 */
@ConfigMapping(prefix = "newsdesk")
public interface SectionsConfig {

    /** {@code NEWSDESK_SECTIONS_*}: category slug to the name readers see. */
    Map<String, String> sections();
}
