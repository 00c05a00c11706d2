package dev.newsdesk.article.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.util.List;
import org.hibernate.Session;

/**
 * Which articles wait for placeholders, and when each may be tried again: the
 * {@code placeholders_pending} flag every write sets (V35), and the {@code image_measurement}
 * backoff rows, in the database so that a restart neither loses nor hurries a retry.
 * Its updates of {@code article} change no version: they are bookkeeping, not content.
 */
@ApplicationScoped
public class MeasurementQueue {

    private final Session session;

    MeasurementQueue(Session session) {
        this.session = session;
    }

    /** Up to {@code limit} pending articles whose backoff has passed, oldest id first. */
    @Transactional
    public List<Long> due(int limit) {
        return session.createNativeQuery(
                        "select a.id from article a left join image_measurement m on m.article_id = a.id"
                                + " where a.placeholders_pending and (m.article_id is null or m.next_attempt_at <= now())"
                                + " order by a.id",
                        Long.class)
                .setMaxResults(limit)
                .getResultList();
    }

    /** Another failed attempt: wait {@code first}, doubling per attempt, at most {@code longest}. */
    @Transactional
    public void failed(long articleId, Duration first, Duration longest) {
        session.createNativeMutationQuery("insert into image_measurement (article_id, attempts, next_attempt_at)"
                        + " values (:id, 1, now() + make_interval(secs => :first))"
                        + " on conflict (article_id) do update set attempts = image_measurement.attempts + 1,"
                        + " next_attempt_at = now() + make_interval(secs => least(:longest,"
                        + " :first * power(2, least(image_measurement.attempts, 30))))")
                .setParameter("id", articleId)
                .setParameter("first", first.toMillis() / 1000.0)
                .setParameter("longest", longest.toMillis() / 1000.0)
                .executeUpdate();
    }

    /** The article's placeholders are all there (or given up): no backoff is kept. */
    @Transactional
    public void done(long articleId) {
        session.createNativeMutationQuery("delete from image_measurement where article_id = :id")
                .setParameter("id", articleId)
                .executeUpdate();
    }
}
