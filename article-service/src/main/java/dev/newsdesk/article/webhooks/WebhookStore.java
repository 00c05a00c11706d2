package dev.newsdesk.article.webhooks;

import static dev.newsdesk.article.changes.ChangeLog.instant;

import dev.newsdesk.article.content.Rfc3339;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.hibernate.Session;

/** The webhook tables (V34): registered endpoints and what was sent to them. */
@ApplicationScoped
public class WebhookStore {

    /** An endpoint as stored, secrets included. */
    public record Endpoint(
            long id,
            String url,
            List<WebhookEventType> events,
            String description,
            boolean enabled,
            String secret,
            String previousSecret,
            Instant previousSecretUntil,
            Instant createdAt) {

        /** The secrets that sign a delivery at {@code now}: the current one, and the old one in its overlap. */
        public List<String> signingSecrets(Instant now) {
            return previousSecret != null && previousSecretUntil != null && now.isBefore(previousSecretUntil)
                    ? List.of(secret, previousSecret)
                    : List.of(secret);
        }
    }

    private static final String ENDPOINT_COLUMNS =
            "id, url, events, description, enabled, secret, previous_secret, previous_secret_until, created_at";

    private final Session session;

    WebhookStore(Session session) {
        this.session = session;
    }

    /** Registers an endpoint that gets the changes committed from now on. */
    @Transactional
    public Endpoint insert(String url, List<WebhookEventType> events, String description, String secret) {
        Instant now = Instant.now();
        long id = ((Number) session.createNativeQuery("select nextval('webhook_endpoint_id_seq')", Long.class)
                        .getSingleResult())
                .longValue();
        session.createNativeMutationQuery("insert into webhook_endpoint (id, url, events, description, enabled, secret,"
                        + " from_seq, created_at) select :id, :url, :events, :description, true, :secret, last_seq, :now"
                        + " from article_change_counter where id = 1")
                .setParameter("id", id)
                .setParameter("url", url)
                .setParameter(
                        "events",
                        String.join(
                                ",", events.stream().map(WebhookEventType::type).toList()))
                .setParameter("description", description, String.class)
                .setParameter("secret", secret)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .executeUpdate();
        return new Endpoint(id, url, events, description, true, secret, null, null, now);
    }

    @Transactional
    public List<Endpoint> all() {
        return endpoints("select " + ENDPOINT_COLUMNS + " from webhook_endpoint order by id", null);
    }

    @Transactional
    public Optional<Endpoint> byId(long id) {
        return endpoints("select " + ENDPOINT_COLUMNS + " from webhook_endpoint where id = :id", id).stream()
                .findFirst();
    }

    @Transactional
    public boolean delete(long id) {
        return session.createNativeMutationQuery("delete from webhook_endpoint where id = :id")
                        .setParameter("id", id)
                        .executeUpdate()
                > 0;
    }

    /** Replaces the secret; the old one keeps signing until {@code oldUntil}. False for an unknown id. */
    @Transactional
    public boolean rotate(long id, String secret, Instant oldUntil) {
        return session.createNativeMutationQuery("update webhook_endpoint set previous_secret = secret,"
                                + " previous_secret_until = :until, secret = :secret where id = :id")
                        .setParameter("until", oldUntil.atOffset(ZoneOffset.UTC))
                        .setParameter("secret", secret)
                        .setParameter("id", id)
                        .executeUpdate()
                > 0;
    }

    /** The endpoint's latest attempts, newest first. */
    @Transactional
    public List<DeliveryAttempt> attempts(long endpointId, int limit) {
        List<Object[]> rows = session.createNativeQuery(
                        "select d.id, d.event_type, d.article_id, t.attempted_at, t.status_code, t.error, t.next_retry_at,"
                                + " d.state, (select count(*) from webhook_attempt p where p.delivery_id = d.id and p.id <= t.id)"
                                + " from webhook_attempt t join webhook_delivery d on d.id = t.delivery_id"
                                + " where d.endpoint_id = :endpoint order by t.id desc limit :limit",
                        Object[].class)
                .setParameter("endpoint", endpointId)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(r -> new DeliveryAttempt(
                        WebhookDispatch.messageId(((Number) r[0]).longValue()),
                        WebhookEventType.of((String) r[1]),
                        ((Number) r[2]).longValue(),
                        ((Number) r[8]).intValue(),
                        Rfc3339.format(instant(r[3])),
                        r[4] == null ? null : ((Number) r[4]).intValue(),
                        (String) r[5],
                        r[6] == null ? null : Rfc3339.format(instant(r[6])),
                        (String) r[7]))
                .toList();
    }

    private List<Endpoint> endpoints(String sql, Long id) {
        var query = session.createNativeQuery(sql, Object[].class);
        if (id != null) {
            query.setParameter("id", id);
        }
        List<Object[]> rows = query.getResultList();
        return rows.stream().map(WebhookStore::endpoint).toList();
    }

    static Endpoint endpoint(Object[] r) {
        return new Endpoint(
                ((Number) r[0]).longValue(),
                (String) r[1],
                Arrays.stream(((String) r[2]).split(","))
                        .map(WebhookEventType::of)
                        .toList(),
                (String) r[3],
                (Boolean) r[4],
                (String) r[5],
                (String) r[6],
                r[7] == null ? null : instant(r[7]),
                instant(r[8]));
    }
}
