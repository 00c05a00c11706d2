package dev.newsdesk.article.importer;

import dev.newsdesk.article.articles.ArticleCache;
import dev.newsdesk.article.articles.ArticleMapping;
import dev.newsdesk.article.changes.ChangeLog;
import dev.newsdesk.article.sections.SectionNames;
import dev.newsdesk.article.store.ArticleEntity;
import dev.newsdesk.article.store.ArticleStore;
import dev.newsdesk.article.store.Slugs;
import dev.newsdesk.article.store.WriteConflicts;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Stores prepared posts: a chunk in one transaction with two look-ups for all of it (existing
 * import keys, taken slugs), or one post alone. A post whose identity is known updates its
 * article; a new one gets the front matter's slug, else one derived from date and identity.
 */
@ApplicationScoped
class ImportWriter {

    /** How much of the identity's hash a derived slug shows first; collisions get longer ones. */
    private static final int SLUG_HASH_CHARS = 8;

    private final ArticleStore store;
    private final ArticleCache cache;
    private final SectionNames sections;
    private final ChangeLog changes;

    ImportWriter(ArticleStore store, ArticleCache cache, SectionNames sections, ChangeLog changes) {
        this.store = store;
        this.cache = cache;
        this.sections = sections;
        this.changes = changes;
    }

    /** Posts in one transaction; throws (and leaves nothing written) if any post fails. */
    List<ImportOutcome> writeTogether(List<PreparedPost> posts) {
        if (posts.isEmpty()) {
            return List.of();
        }
        // Each chunk's commit waits for PostgreSQL's WAL flush, as every write's does: a 2xx means
        // the posts survive a crash. One flush per chunk rather than per post keeps the rate.
        List<ImportOutcome> outcomes = QuarkusTransaction.requiringNew().call(() -> {
            Set<String> keys = new LinkedHashSet<>();
            Set<String> wanted = new LinkedHashSet<>();
            for (PreparedPost p : posts) {
                keys.add(p.identity());
                wanted.addAll(slugsWanted(p));
            }
            Map<String, ArticleEntity> byKey = new HashMap<>(store.byImportKeys(keys));
            Set<String> taken = store.takenSlugs(wanted);
            List<ImportOutcome> written = new ArrayList<>();
            Map<Long, ArticleEntity> changed = new LinkedHashMap<>();
            for (PreparedPost p : posts) {
                // A zip may hold the same post twice: the second finds the first's new article.
                ArticleEntity e = byKey.get(p.identity());
                boolean created = e == null;
                if (created) {
                    e = create(p, taken);
                    byKey.put(p.identity(), e);
                    changed.put(e.id, e);
                } else if (update(e, p)) {
                    changed.put(e.id, e);
                }
                written.add(new ImportOutcome(created, e.id, e.slug)); // the sequence gave the id at persist
            }
            store.flush(); // constraint violations surface here, inside the transaction
            changes.record(changed.values());
            return written;
        });
        outcomes.forEach(o -> cache.invalidate(o.id()));
        posts.forEach(p -> sections.learn(p.sectionNames()));
        return outcomes;
    }

    /**
     * One post in its own transaction (a chunk of one); a concurrent import of the same new post
     * turns into an update.
     */
    ImportOutcome writeAlone(PreparedPost post) {
        try {
            return writeTogether(List.of(post)).get(0);
        } catch (RuntimeException e) {
            if (!WriteConflicts.uniqueValueTaken(e, WriteConflicts.ARTICLE_IMPORT_KEY, WriteConflicts.ARTICLE_SLUG)) {
                throw e;
            }
            // Two imports of the same new post at once: the unique import key let one in; this one
            // updates it. Or two new posts wanting one slug: this one's second look finds it taken.
            return writeTogether(List.of(post)).get(0);
        }
    }

    /** Applies a re-imported post; false when its content is unchanged (no new version, no change). */
    private static boolean update(ArticleEntity e, PreparedPost p) {
        if (p.hash().equals(e.contentHash)) {
            return false;
        }
        ArticleMapping.apply(e, p.draft(), p.body(), p.body().source());
        e.contentHash = p.hash();
        e.updatedAt = Instant.now();
        return true;
    }

    /** The slugs a new article for {@code p} would take, in order of preference. */
    private static Set<String> slugsWanted(PreparedPost p) {
        Set<String> slugs = new LinkedHashSet<>();
        if (p.explicitSlug() != null) {
            slugs.add(p.explicitSlug());
        }
        slugs.add(Slugs.derived(p.draft().published(), p.identity(), SLUG_HASH_CHARS));
        return slugs;
    }

    /**
     * A new article; {@code taken} holds the wanted slugs already in use (and those given earlier
     * in this transaction) and receives this one. Past a collision, the store finds a longer one.
     */
    private ArticleEntity create(PreparedPost p, Set<String> taken) {
        ArticleEntity e = new ArticleEntity();
        ArticleMapping.apply(e, p.draft(), p.body(), p.body().source());
        e.importKey = p.identity();
        e.contentHash = p.hash();
        String derived = Slugs.derived(p.draft().published(), p.identity(), SLUG_HASH_CHARS);
        if (p.explicitSlug() != null && !taken.contains(p.explicitSlug())) {
            e.slug = p.explicitSlug();
        } else if (!taken.contains(derived)) {
            e.slug = derived;
        } else {
            e.slug = store.uniqueSlug(p.draft().published(), p.identity());
        }
        taken.add(e.slug);
        e.updatedAt = Instant.now();
        store.save(e);
        return e;
    }
}
