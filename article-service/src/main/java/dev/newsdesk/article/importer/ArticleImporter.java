package dev.newsdesk.article.importer;

import dev.newsdesk.article.content.BodyCleaner;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.jboss.logging.Logger;

/**
 * Imports Jekyll posts, one or a zip of many, with a stable identity (see
 * {@link PreparedPost#identityOf}): importing a post again updates its article.
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

    private final ImportWriter writer;
    /** Import workers: two per core, so one chunk's database round trips overlap another's parsing. */
    private final ExecutorService importers =
            Executors.newFixedThreadPool(2 * Runtime.getRuntime().availableProcessors(), r -> {
                Thread t = new Thread(r, "article-import");
                t.setDaemon(true);
                return t;
            });

    private final JekyllPostParser parser = new JekyllPostParser();
    private final BodyCleaner cleaner = new BodyCleaner();

    ArticleImporter(ImportWriter writer) {
        this.writer = writer;
    }

    @PreDestroy
    void stop() {
        importers.shutdownNow();
    }

    public ImportOutcome importPost(byte[] markdown) {
        try {
            return writer.writeAlone(PreparedPost.of(null, parser.parse(markdown), cleaner));
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
        List<PreparedPost> ready = new ArrayList<>();
        for (PostArchive.Entry entry : entries) {
            if (entry.rejection() != null) {
                rejected.add(new ImportReport.Rejection(entry.name(), entry.rejection()));
                continue;
            }
            try {
                ready.add(PreparedPost.of(entry.name(), parser.parse(entry.bytes()), cleaner));
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
            outcomes = writer.writeTogether(ready);
        } catch (RuntimeException e) {
            LOG.debugf(e, "A chunk of %d posts rolled back; writing them one by one", ready.size());
            outcomes = new ArrayList<>();
            for (PreparedPost post : ready) {
                try {
                    outcomes.add(writer.writeAlone(post));
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
}
