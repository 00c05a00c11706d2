package dev.newsdesk.article.sections;

import dev.newsdesk.article.config.SectionsConfig;
import dev.newsdesk.article.store.SectionNameStore;
import dev.newsdesk.article.store.WriteConflicts;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

/**
 * The name people see for a category slug: the configured one, else the one learned on import,
 * else the slug. Learned names are few and change rarely, so all of them are held in memory;
 * an import writes only a name that is new or different, in its own short transaction after
 * the posts' own, so a section name can never cost a post. Other instances' learnings show
 * within {@link #RELOAD_MILLIS}. Two imports naming the same new section at once are expected
 * (the second finds the key taken); any other failure propagates: the posts are committed by
 * then, and a retried import (idempotent by import key) learns the name.
 */
@ApplicationScoped
public class SectionNames {

    private static final Logger LOG = Logger.getLogger(SectionNames.class);

    static final long RELOAD_MILLIS = 60_000;

    private final SectionsConfig config;
    private final SectionNameStore store;
    private volatile Map<String, String> learned;
    private volatile long loadedAt;
    private final AtomicLong version = new AtomicLong();

    SectionNames(SectionsConfig config, SectionNameStore store) {
        this.config = config;
        this.store = store;
    }

    /** A category or tag with the name people see and how many articles carry it. */
    @Schema(requiredProperties = {"name", "displayName", "count"})
    public record Named(String name, String displayName, long count) {}

    public String displayName(String slug) {
        String configured = config.sections().get(slug);
        if (configured != null) {
            return configured;
        }
        return learned().getOrDefault(slug, slug);
    }

    /** Changes whenever a name this instance shows may have changed: what shows names can tell. */
    public long version() {
        return version.get();
    }

    public Named category(String slug, long count) {
        return new Named(slug, displayName(slug), count);
    }

    /** Records what one imported post's navigation says, if it says something new. */
    public void learn(Map<String, String> names) {
        names.forEach((slug, name) -> {
            if (Objects.equals(learned().get(slug), name)) {
                return;
            }
            try {
                store.put(slug, name);
                learned().put(slug, name);
                version.incrementAndGet();
            } catch (RuntimeException e) {
                if (!WriteConflicts.uniqueValueTaken(e, WriteConflicts.SECTION_NAME)) {
                    throw e;
                }
                LOG.debugf("Section name %s for %s stored by another import first", name, slug);
                learned = null;
            }
        });
    }

    private Map<String, String> learned() {
        Map<String, String> current = learned;
        long now = System.currentTimeMillis();
        if (current == null || now - loadedAt > RELOAD_MILLIS) {
            Map<String, String> before = current;
            current = new ConcurrentHashMap<>(store.all());
            if (!current.equals(before)) {
                version.incrementAndGet();
            }
            learned = current;
            loadedAt = now;
        }
        return current;
    }
}
