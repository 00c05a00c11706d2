package dev.newsdesk.e2e.drill;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.article.testing.LocalPostgres;
import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.RunCommand;
import dev.newsdesk.e2e.ServiceProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code ./mvnw -Prestore-drill}: proves a point-in-time restore end to end on the embedded
 * PostgreSQL. Archives WAL, takes a base backup, writes articles through article-service, notes
 * the server's time T after the last acknowledged write, then creates, edits and deletes more;
 * restores the backup plus the archive to T into a new data directory and checks through
 * article-service that what was acknowledged before T is back as it was, and nothing after.
 * The last line is {@code restore-drill: before=K/N after=P/M}; the exit code is 0 only when
 * K = N and P = 0.
 */
public final class RestoreDrill {

    static final int BEFORE = Integer.getInteger("newsdesk.drill.before", 120);
    static final int AFTER = Integer.getInteger("newsdesk.drill.after", 30);
    static final Duration READY = Duration.ofSeconds(300);

    private RestoreDrill() {}

    public static void main(String[] args) throws Exception {
        Path root = RunCommand.root();
        Path work = root.resolve("e2e/target/restore-drill");
        deleteTree(work);
        Files.createDirectories(work);
        Outcome outcome = run(root, work);
        System.out.println("restore-drill: before=" + outcome.restoredBefore() + "/" + BEFORE + " after="
                + outcome.presentAfter() + "/" + AFTER);
        System.exit(outcome.restoredBefore() == BEFORE && outcome.presentAfter() == 0 ? 0 : 1);
    }

    private static Outcome run(Path root, Path work) throws Exception {
        WalArchive archive = new WalArchive(work.resolve("wal-archive"));
        int articlePort = NewsdeskSystem.freePort();
        Map<Long, JsonNode> atT = new LinkedHashMap<>();
        List<Long> createdAfter = new ArrayList<>();
        String targetTime;

        LocalPostgres primary = LocalPostgres.start(work.resolve("primary"), 0, true);
        try {
            archive.enableOn(primary);
            primary = primary.restart();
            archive.baseBackup(primary, work.resolve("base-backup"));
            System.out.println("restore-drill: base backup taken; WAL archived to " + work.resolve("wal-archive"));
            try (ServiceProcess article = startArticleService(root, work, primary, articlePort, "primary")) {
                ArticleApi api = new ArticleApi(article.baseUrl(), NewsdeskSystem.API_TOKEN);
                for (int i = 1; i <= BEFORE; i++) {
                    long id = api.create(
                            "Drill article " + i + " before the target", "Kept by the restore, number " + i + ".");
                    atT.put(id, null);
                }
                for (Long id : atT.keySet()) {
                    atT.put(id, api.read(id).orElseThrow().json());
                }
                // T comes from the database's clock after the last acknowledgement: every write
                // acknowledged so far committed at or before it, every later one after it.
                targetTime = WalArchive.serverNow(primary);
                System.out.println("restore-drill: " + BEFORE + " articles acknowledged before T = " + targetTime);
                for (int i = 1; i <= AFTER; i++) {
                    createdAfter.add(
                            api.create("Drill article " + i + " after the target", "Must not survive the restore."));
                }
                List<Long> earlier = List.copyOf(atT.keySet());
                for (int i = 0; i < 10; i++) {
                    api.delete(earlier.get(i)); // the mistaken DELETE the restore undoes
                }
                for (int i = 10; i < 15; i++) {
                    api.retitle(earlier.get(i), "Rewritten after the target " + i);
                }
                System.out.println(
                        "restore-drill: after T, " + AFTER + " created, 10 earlier ones deleted, 5 rewritten");
            }
            archive.switchAndWait(primary, Duration.ofSeconds(30));
        } finally {
            primary.close();
        }
        long[] size = archive.size();
        System.out.printf("restore-drill: archive holds %d files, %.1f MiB%n", size[1], size[0] / (1024.0 * 1024.0));

        long restoreStart = System.nanoTime();
        Path restoredDir = work.resolve("restored");
        archive.prepareRecovery(work.resolve("base-backup"), restoredDir, targetTime);
        LocalPostgres restored = LocalPostgres.start(restoredDir, 0, true, READY);
        try {
            WalArchive.awaitPromoted(restored, READY);
            System.out.printf(
                    "restore-drill: base backup copied, WAL replayed to T and promoted in %.1f s%n",
                    (System.nanoTime() - restoreStart) / 1e9);
            try (ServiceProcess article = startArticleService(root, work, restored, articlePort, "restored")) {
                System.out.printf(
                        "restore-drill: restore time %.1f s (to article-service ready on the restored database)%n",
                        (System.nanoTime() - restoreStart) / 1e9);
                return check(new ArticleApi(article.baseUrl(), NewsdeskSystem.API_TOKEN), atT, createdAfter);
            }
        } finally {
            restored.close();
        }
    }

    private static Outcome check(ArticleApi api, Map<Long, JsonNode> atT, List<Long> createdAfter)
            throws IOException, InterruptedException {
        int restored = 0;
        for (Map.Entry<Long, JsonNode> expected : atT.entrySet()) {
            Optional<ArticleApi.Read> now = api.read(expected.getKey());
            if (now.isPresent() && now.get().json().equals(expected.getValue())) {
                restored++;
            } else {
                System.out.println("restore-drill: article " + expected.getKey() + " is "
                        + now.map(r -> "different: " + r.json()).orElse("missing"));
            }
        }
        int present = 0;
        for (long id : createdAfter) {
            if (api.read(id).isPresent()) {
                present++;
                System.out.println("restore-drill: article " + id + ", written after T, is present");
            }
        }
        return new Outcome(restored, present);
    }

    private static ServiceProcess startArticleService(
            Path root, Path work, LocalPostgres database, int port, String run) {
        Map<String, String> env = NewsdeskSystem.environment(database, work.resolve("data"), port, 0, 0);
        ServiceProcess article = ServiceProcess.start(
                root, "article-service", port, env, work.resolve("logs/article-service-" + run + ".log"));
        try {
            article.awaitReady(READY);
            return article;
        } catch (RuntimeException e) {
            article.close();
            throw e;
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (var paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    record Outcome(int restoredBefore, int presentAfter) {}
}
