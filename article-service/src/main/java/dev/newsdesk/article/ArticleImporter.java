package dev.newsdesk.article;

import dev.newsdesk.article.ArticleService.Valid;
import dev.newsdesk.article.changes.ChangeLog;
import dev.newsdesk.article.content.BodyCleaner;
import dev.newsdesk.article.content.BodyCleaner.CleanBody;
import dev.newsdesk.article.content.Source;
import dev.newsdesk.article.content.XmlText;
import dev.newsdesk.article.importer.ImportRejected;
import dev.newsdesk.article.importer.JekyllPost;
import dev.newsdesk.article.importer.JekyllPostParser;
import dev.newsdesk.article.importer.PostArchive;
import dev.newsdesk.article.sections.SectionLinks;
import dev.newsdesk.article.sections.SectionNames;
import dev.newsdesk.article.store.ArticleEntity;
import dev.newsdesk.article.store.ArticleStore;
import dev.newsdesk.article.store.Slugs;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.hibernate.exception.ConstraintViolationException;
import org.jboss.logging.Logger;

/**
 * Imports Jekyll posts, one or a zip of many, with a stable identity (see {@link #identityOf}):
 * importing a post again updates its article.
 * <p>
 * A zip is imported in chunks of {@value #CHUNK} posts, several chunks at a time. A chunk's
 * posts are parsed and cleaned, then written in one transaction with two look-ups for the
 * whole chunk (existing import keys, taken slugs) rather than two queries and a commit per
 * post: per-post transactions spent more CPU on transaction and query machinery than on the
 * posts. If a chunk's transaction fails (another import of the same post at the same moment, a
 * slug collision), it rolls back whole and its posts are written again, one transaction each,
 * so every post is still all-or-nothing and one that cannot be stored takes no other with it.
 */
@ApplicationScoped
public class ArticleImporter {

    private static final Logger LOG = Logger.getLogger(ArticleImporter.class);
    static final int CHUNK = 25;
    /** The widths of the source_url and import_key columns. */
    static final int MAX_SOURCE_URL_CHARS = 2000;

    private static final int MAX_KEY_CHARS = 700;

    private final ArticleStore store;
    private final ArticleCache cache;
    private final SectionNames sections;
    private final ChangeLog changes;
    /** Import workers: two per core, so one chunk's database round trips overlap another's parsing. */
    private final ExecutorService importers =
            Executors.newFixedThreadPool(2 * Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "article-import");
                t.setDaemon(true);
                return t;
            });

    private final JekyllPostParser parser = new JekyllPostParser();
    private final BodyCleaner cleaner = new BodyCleaner();

    ArticleImporter(ArticleStore store, ArticleCache cache, SectionNames sections, ChangeLog changes) {
        this.store = store;
        this.cache = cache;
        this.sections = sections;
        this.changes = changes;
    }

    /** Created or updated (unchanged content counts as updated), and which article. */
    public record ImportOutcome(boolean created, long id, String slug) {}

    /** A post parsed, cleaned and validated: all that is left is to store it. */
    private record Prepared(
            String file,
            String identity,
            String hash,
            String explicitSlug,
            Valid valid,
            CleanBody body,
            Map<String, String> sectionNames) {}

    @PreDestroy
    void stop() {
        importers.shutdownNow();
    }

    public ImportOutcome importPost(byte[] markdown) {
        try {
            return writeAlone(prepare(null, parser.parse(markdown)));
        } catch (ImportRejected r) {
            throw r.toProblem();
        }
    }

    public ImportReport importArchive(byte[] zip) {
        List<PostArchive.Entry> entries;
        try {
            entries = PostArchive.read(zip);
        } catch (ImportRejected r) {
            throw r.toProblem();
        }
        List<Future<ImportReport>> chunks = new ArrayList<>();
        for (int from = 0; from < entries.size(); from += CHUNK) {
            List<PostArchive.Entry> chunk = entries.subList(from, Math.min(entries.size(), from + CHUNK));
            chunks.add(importers.submit(() -> importChunk(chunk)));
        }
        int created = 0;
        int updated = 0;
        List<ImportReport.Rejection> rejected = new ArrayList<>();
        List<ImportReport.Imported> imported = new ArrayList<>();
        for (Future<ImportReport> chunk : chunks) {
            ImportReport one = await(chunk);
            created += one.created();
            updated += one.updated();
            rejected.addAll(one.rejected());
            imported.addAll(one.articles());
        }
        return new ImportReport(created, updated, rejected, imported);
    }

    /** One chunk's part of the report, its entries in zip order. */
    private ImportReport importChunk(List<PostArchive.Entry> entries) {
        List<ImportReport.Rejection> rejected = new ArrayList<>();
        List<Prepared> ready = new ArrayList<>();
        for (PostArchive.Entry entry : entries) {
            if (entry.rejection() != null) {
                rejected.add(new ImportReport.Rejection(entry.name(), entry.rejection()));
                continue;
            }
            try {
                ready.add(prepare(entry.name(), parser.parse(entry.bytes())));
            } catch (ImportRejected r) {
                rejected.add(new ImportReport.Rejection(entry.name(), r.getMessage()));
            } catch (RuntimeException e) {
                // A parser failure we did not foresee is this file's problem, not the zip's.
                LOG.warnf(e, "Import of %s failed while reading it", entry.name());
                rejected.add(new ImportReport.Rejection(entry.name(), "could not be read"));
            }
        }
        List<ImportOutcome> outcomes;
        try {
            outcomes = writeTogether(ready);
        } catch (RuntimeException e) {
            LOG.debugf(e, "A chunk of %d posts rolled back; writing them one by one", ready.size());
            outcomes = new ArrayList<>();
            for (Prepared post : ready) {
                try {
                    outcomes.add(writeAlone(post));
                } catch (RuntimeException alone) {
                    // One post that cannot be stored must not stop the others; its transaction rolled back whole.
                    LOG.warnf(alone, "Import of %s failed", post.file());
                    rejected.add(new ImportReport.Rejection(post.file(), "could not be stored"));
                    outcomes.add(null);
                }
            }
        }
        int created = 0;
        int updated = 0;
        List<ImportReport.Imported> imported = new ArrayList<>();
        for (int i = 0; i < ready.size(); i++) {
            ImportOutcome outcome = outcomes.get(i);
            if (outcome != null) {
                created += outcome.created() ? 1 : 0;
                updated += outcome.created() ? 0 : 1;
                imported.add(new ImportReport.Imported(
                        ready.get(i).file(), outcome.id(), outcome.slug(), outcome.created() ? "created" : "updated"));
            }
        }
        return new ImportReport(created, updated, rejected, imported);
    }

    private static ImportReport await(Future<ImportReport> result) {
        try {
            return result.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while importing", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException("importChunk reports its own failures", e.getCause());
        }
    }

    private Prepared prepare(String file, JekyllPost post) {
        CleanBody body = cleaner.clean(post.bodyHtml(), true);
        if (body.source().url() != null && body.source().url().length() > MAX_SOURCE_URL_CHARS) {
            throw new ImportRejected(
                    "body", "the link to the original is longer than " + MAX_SOURCE_URL_CHARS + " characters");
        }
        String title = XmlText.legal(post.title());
        String hash = Slugs.sha256(String.join(
                "\u0000",
                title,
                post.date().toString(),
                String.join(",", post.categories()),
                String.join(",", post.tags()),
                body.html(),
                String.valueOf(body.source())));
        return new Prepared(
                file,
                identityOf(post, body.source()),
                hash,
                Slugs.explicit(post.slug()),
                new Valid(title, post.date(), post.categories(), post.tags()),
                body,
                SectionLinks.learn(post.bodyHtml(), post.categories()));
    }

    /**
     * The import identity: the front-matter slug when there is one (the author's own key), else
     * the original's URL (unique per story at the source), else date and title.
     */
    static String identityOf(JekyllPost post, Source source) {
        String key;
        if (post.slug() != null) {
            key = "slug:" + post.slug().strip().toLowerCase(Locale.ROOT);
        } else if (source.url() != null) {
            key = "source:" + source.url();
        } else {
            key = "post:" + post.date().toInstant() + "|" + post.title();
        }
        // The column holds 700 characters; a longer key (a very long original URL) keeps its
        // beginning and is told apart by the hash of the whole.
        return key.length() <= MAX_KEY_CHARS ? key : key.substring(0, 600) + "|sha256:" + Slugs.sha256(key);
    }

    /** Posts in one transaction; throws (and leaves nothing written) if any post fails. */
    private List<ImportOutcome> writeTogether(List<Prepared> posts) {
        if (posts.isEmpty()) {
            return List.of();
        }
        // Each chunk's commit waits for PostgreSQL's WAL flush, as every write's does: a 2xx means
        // the posts survive a crash. One flush per chunk rather than per post keeps the rate.
        List<ImportOutcome> outcomes = QuarkusTransaction.requiringNew().call(() -> {
            Set<String> keys = new LinkedHashSet<>();
            Set<String> wanted = new LinkedHashSet<>();
            for (Prepared p : posts) {
                keys.add(p.identity());
                wanted.addAll(slugsWanted(p));
            }
            Map<String, ArticleEntity> byKey = new HashMap<>(store.byImportKeys(keys));
            Set<String> taken = store.takenSlugs(wanted);
            List<ImportOutcome> written = new ArrayList<>();
            Map<Long, ArticleEntity> changed = new LinkedHashMap<>();
            for (Prepared p : posts) {
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
    private ImportOutcome writeAlone(Prepared post) {
        try {
            return writeTogether(List.of(post)).get(0);
        } catch (RuntimeException e) {
            if (!ArticleService.causedBy(e, ConstraintViolationException.class)) {
                throw e;
            }
            // Two imports of the same new post at once: the unique import key let one in; this one updates it.
            return writeTogether(List.of(post)).get(0);
        }
    }

    /** Applies a re-imported post; false when its content is unchanged (no new version, no change). */
    private static boolean update(ArticleEntity e, Prepared p) {
        if (p.hash().equals(e.contentHash)) {
            return false;
        }
        ArticleService.apply(e, p.valid(), p.body(), p.body().source());
        e.contentHash = p.hash();
        e.updatedAt = Instant.now();
        return true;
    }

    /** The slugs a new article for {@code p} would take, in order of preference. */
    private static Set<String> slugsWanted(Prepared p) {
        Set<String> slugs = new LinkedHashSet<>();
        if (p.explicitSlug() != null) {
            slugs.add(p.explicitSlug());
        }
        slugs.add(Slugs.derived(p.valid().published(), p.identity(), 8));
        return slugs;
    }

    /**
     * A new article; {@code taken} holds the wanted slugs already in use (and those given earlier
     * in this transaction) and receives this one. Past a collision, the store finds a longer one.
     */
    private ArticleEntity create(Prepared p, Set<String> taken) {
        ArticleEntity e = new ArticleEntity();
        ArticleService.apply(e, p.valid(), p.body(), p.body().source());
        e.importKey = p.identity();
        e.contentHash = p.hash();
        String derived = Slugs.derived(p.valid().published(), p.identity(), 8);
        if (p.explicitSlug() != null && !taken.contains(p.explicitSlug())) {
            e.slug = p.explicitSlug();
        } else if (!taken.contains(derived)) {
            e.slug = derived;
        } else {
            e.slug = store.uniqueSlug(p.valid().published(), p.identity());
        }
        taken.add(e.slug);
        e.updatedAt = Instant.now();
        store.save(e);
        return e;
    }
}
