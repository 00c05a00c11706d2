package dev.newsdesk.article.changes;

import dev.newsdesk.article.config.ChangesConfig;
import dev.newsdesk.http.ProblemException;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import org.jboss.logging.Logger;

/**
 * {@code GET /api/changes}: validates the cursor and limit, reads the {@link ChangeLog}, and
 * applies the retention. Cursors are opaque to clients (base64url of {@code "c" + seq}).
 */
@ApplicationScoped
public class ChangeFeed {

    private static final Logger LOG = Logger.getLogger(ChangeFeed.class);
    public static final int DEFAULT_LIMIT = 100;
    public static final int MAX_LIMIT = 1000;

    private final ChangeLog log;
    private final ChangesConfig config;

    ChangeFeed(ChangeLog log, ChangesConfig config) {
        this.log = log;
        this.config = config;
    }

    public ChangePage since(String cursor, String limitParam) {
        int limit = limitOf(limitParam);
        boolean fromStart = cursor == null || cursor.isBlank();
        long since = fromStart ? 0 : decode(cursor);
        ChangeLog.Position position = log.position();
        if (since > position.lastSeq()) {
            throw ProblemException.invalidField("since", "is not a cursor this service issued");
        }
        // From the start there is nothing to have missed: a new client gets every live article.
        if (!fromStart && since < position.purgedThrough()) {
            throw new ProblemException(
                    410,
                    "changes-expired",
                    "Cursor expired",
                    "Changes after this cursor are no longer kept (deletions are kept "
                            + config.retention().toDays()
                            + " days): re-sync from GET /api/articles, then follow GET /api/changes from its start",
                    null);
        }
        List<ChangeLog.Entry> entries = log.after(since, limit);
        long next = entries.isEmpty() ? since : entries.getLast().seq();
        return new ChangePage(entries.stream().map(ChangeLog.Entry::change).toList(), encode(next));
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void expire() {
        int removed = log.purge(Instant.now().minus(config.retention()));
        if (removed > 0) {
            LOG.infof("Change feed: %d changes past the retention of %s removed", removed, config.retention());
        }
    }

    static String encode(long seq) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(("c" + seq).getBytes(StandardCharsets.US_ASCII));
    }

    static long decode(String cursor) {
        try {
            String raw = new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII);
            if (raw.matches("c\\d{1,18}")) {
                return Long.parseLong(raw.substring(1));
            }
        } catch (IllegalArgumentException e) {
            // falls through: every malformed cursor gets the same answer
        }
        throw ProblemException.invalidField("since", "is not a cursor this service issued");
    }

    private static int limitOf(String value) {
        if (value == null || value.isBlank()) {
            return DEFAULT_LIMIT;
        }
        if (value.strip().matches("\\d{1,4}")) {
            int limit = Integer.parseInt(value.strip());
            if (limit >= 1 && limit <= MAX_LIMIT) {
                return limit;
            }
        }
        throw ProblemException.invalidField("limit", "must be a whole number from 1 to " + MAX_LIMIT);
    }
}
