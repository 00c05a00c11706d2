package dev.newsdesk.article.changes;

import dev.newsdesk.article.content.Rfc3339;
import dev.newsdesk.article.store.ArticleEntity;
import dev.newsdesk.article.store.ArticleRendering;
import dev.newsdesk.article.store.StoredJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.hibernate.Session;

/**
 * The change log behind {@code GET /api/changes}: rows written in the same transaction as the
 * article writes they describe, numbered in commit order.
 *
 * <p>Why commit order holds: {@link #record} is the last statement of a writing transaction. It
 * updates the one row of {@code article_change_counter}, whose lock is then held until the commit,
 * so a second writer waits there until the first has committed and only then takes the next
 * numbers. A reader that sees seq n can therefore already see every seq below n: reading
 * {@code seq > cursor} never steps over a change that commits later with a smaller number. The
 * cost is that writers serialise for the instant between their last statement and their commit
 * (one counter update per transaction; an import chunk of 25 posts takes 25 numbers at once).
 *
 * <p>Every write is recorded (every replica's caches hear of it), but only changes the public may
 * see carry a {@link PublicEvent}; the feed lists those alone, so drafts and scheduled articles
 * stay out of it until the scheduler publishes them, which is itself a recorded write.
 */
@ApplicationScoped
public class ChangeLog {

    /** Where the counter stands: the last number handed out and the retention's high-water mark. */
    public record Position(long lastSeq, long purgedThrough) {}

    /** A row of the log with its position. */
    public record Entry(long seq, Change change) {}

    private final Session session;
    private final Event<ArticleChanged> changed;
    private final ArticleRendering rendering;
    private final StoredJson stored;

    ChangeLog(Session session, Event<ArticleChanged> changed, ArticleRendering rendering, StoredJson stored) {
        this.session = session;
        this.changed = changed;
        this.rendering = rendering;
        this.stored = stored;
    }

    /**
     * Records the state of each article as this transaction leaves it, and stores each one's
     * public JSON rendered from that state (V32), so the stored bytes can never lag a write. Call
     * it last, inside the writing transaction: it flushes pending writes first, so the counter lock
     * is taken as late as possible and the versions are the ones being committed.
     */
    public void record(Collection<ArticleEntity> written) {
        append(written, false);
    }

    /** Records deletions (tombstones); call it last, inside the deleting transaction. */
    public void recordDeletion(Collection<ArticleEntity> deleted) {
        append(deleted, true);
    }

    private void append(Collection<ArticleEntity> articles, boolean deleted) {
        if (articles.isEmpty()) {
            return;
        }
        // This replica hears of its own writes at once, on the writing thread, once they commit
        // (observers run AFTER_SUCCESS); the others through the V30 trigger's NOTIFY.
        writeRows(articles, deleted).forEach(changed::fire);
    }

    /**
     * The log's rows for {@code articles}: numbers from the counter, whose lock is then held to the
     * commit, and one entry each. Every replica's {@link #record} ends here; called alone, without
     * the event, it leaves exactly what another replica's write leaves in the database (the
     * cross-replica coherence test writes with it rather than with a copy of these statements).
     * Returns the event each row stands for.
     */
    List<ArticleChanged> writeRows(Collection<ArticleEntity> articles, boolean deleted) {
        List<ArticleChanged> events = new ArrayList<>();
        session.flush();
        if (!deleted) {
            // Rendered before the counter's lock is taken: writers serialise only from there on.
            articles.forEach(a -> stored.write(rendering.render(a)));
        }
        session.createNativeMutationQuery("update article_change_counter set last_seq = last_seq + :n where id = 1")
                .setParameter("n", articles.size())
                .executeUpdate();
        long last = ((Number) session.createNativeQuery(
                                "select last_seq from article_change_counter where id = 1", Long.class)
                        .getSingleResult())
                .longValue();
        long seq = last - articles.size();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        Set<Long> wasPublic = publicNow(articles);
        for (ArticleEntity a : articles) {
            String event = PublicEvent.of(wasPublic.contains(a.id), !deleted && a.visible);
            // An article leaving the public (deleted, or made a draft again) is a tombstone to it.
            boolean gone = deleted || PublicEvent.DELETED.equals(event);
            session.createNativeMutationQuery(
                            "insert into article_change (seq, article_id, slug, version, updated_at, deleted,"
                                    + " recorded_at, public_event)"
                                    + " values (:seq, :id, :slug, :version, :updatedAt, :deleted, :now, :event)")
                    .setParameter("seq", ++seq)
                    .setParameter("id", a.id)
                    .setParameter("slug", a.slug)
                    .setParameter("version", a.version)
                    // a tombstone's time is the deletion's: feeds derive Last-Modified from it
                    .setParameter("updatedAt", gone ? now : a.updatedAt.atOffset(ZoneOffset.UTC))
                    .setParameter("deleted", gone)
                    .setParameter("now", now)
                    .setParameter("event", event)
                    .executeUpdate();
            events.add(new ArticleChanged(a.id, a.version, gone, a.slug));
        }
        return events;
    }

    /** Which of these articles the public sees as things stand: their last public change is not a tombstone. */
    private Set<Long> publicNow(Collection<ArticleEntity> articles) {
        List<Long> ids = articles.stream().map(a -> a.id).toList();
        List<Long> live = session.createNativeQuery(
                        "select article_id from (select distinct on (article_id) article_id, deleted from article_change"
                                + " where article_id in (:ids) and public_event is not null order by article_id, seq desc)"
                                + " latest where not deleted",
                        Long.class)
                .setParameterList("ids", ids)
                .getResultList();
        return new HashSet<>(live);
    }

    @Transactional
    public Position position() {
        Object[] row = session.createNativeQuery(
                        "select last_seq, purged_through from article_change_counter where id = 1", Object[].class)
                .getSingleResult();
        return new Position(((Number) row[0]).longValue(), ((Number) row[1]).longValue());
    }

    /** Up to {@code limit} entries after {@code since}, oldest first. */
    @Transactional
    public List<Entry> after(long since, int limit) {
        List<Object[]> rows = session.createNativeQuery(
                        "select seq, article_id, slug, version, updated_at, deleted"
                                + " from article_change where seq > :since and public_event is not null order by seq",
                        Object[].class)
                .setParameter("since", since)
                .setMaxResults(limit)
                .getResultList();
        List<Entry> entries = new ArrayList<>(rows.size());
        for (Object[] row : rows) {
            entries.add(new Entry(
                    ((Number) row[0]).longValue(),
                    new Change(
                            ((Number) row[1]).longValue(),
                            (String) row[2],
                            ((Number) row[3]).longValue(),
                            Rfc3339.format(instant(row[4])),
                            (Boolean) row[5])));
        }
        return entries;
    }

    /**
     * Retention: removes tombstones recorded before {@code cutoff}, and changes recorded before it
     * that a later change of the same article supersedes (the latest change of a live article stays
     * forever, so following the feed from its start still yields every article). Returns how many
     * rows went.
     */
    @Transactional
    public int purge(Instant cutoff) {
        OffsetDateTime before = cutoff.atOffset(ZoneOffset.UTC);
        Number highest = session.createNativeQuery(
                        "select max(seq) from article_change where deleted and recorded_at < :cutoff", Long.class)
                .setParameter("cutoff", before)
                .getSingleResultOrNull();
        int removed = session.createNativeMutationQuery(
                        "delete from article_change where recorded_at < :cutoff and (deleted"
                                + " or exists (select 1 from article_change later where later.article_id = article_change.article_id"
                                + " and later.seq > article_change.seq))")
                .setParameter("cutoff", before)
                .executeUpdate();
        if (highest != null) {
            session.createNativeMutationQuery("update article_change_counter set purged_through = :seq"
                            + " where id = 1 and purged_through < :seq")
                    .setParameter("seq", highest.longValue())
                    .executeUpdate();
        }
        return removed;
    }

    /** A timestamp column as the driver hands it over in a native query. */
    public static Instant instant(Object value) {
        return switch (value) {
            case Instant i -> i;
            case OffsetDateTime o -> o.toInstant();
            case Timestamp t -> t.toInstant();
            default -> throw new IllegalStateException("Unexpected timestamp type " + value.getClass());
        };
    }
}
