package dev.newsdesk.article.webhooks;

import static dev.newsdesk.article.changes.ChangeLog.instant;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.newsdesk.article.config.LinksConfig;
import dev.newsdesk.article.content.Rfc3339;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import org.hibernate.Session;

/**
 * The outbox's database side. {@link #fanOut} turns committed changes into deliveries, one per
 * subscribed endpoint, and moves {@code webhook_cursor} past them in the same transaction; the
 * cursor row is taken {@code FOR UPDATE SKIP LOCKED}, so one replica fans out at a time and the
 * others carry on delivering. {@link #claim} hands out due deliveries with a lease, again
 * skipping rows another replica is claiming, and only an article's oldest pending delivery per
 * endpoint, so one article's events reach an endpoint in order. A replica that dies mid-attempt
 * leaves its lease to expire, and the delivery is tried again with the same webhook-id.
 */
@ApplicationScoped
public class WebhookDispatch {

    /** A delivery claimed for one attempt. */
    public record Claimed(long id, long endpointId, String eventType, String payload, int attempt) {

        public String messageId() {
            return WebhookDispatch.messageId(id);
        }
    }

    private final Session session;
    private final ObjectMapper json;
    private final LinksConfig links;

    WebhookDispatch(Session session, ObjectMapper json, LinksConfig links) {
        this.session = session;
        this.json = json;
        this.links = links;
    }

    /** The {@code webhook-id} of a delivery: the same on each of its attempts. */
    static String messageId(long deliveryId) {
        return "msg_" + deliveryId;
    }

    /** Fans out up to {@code limit} changes; returns how many changes it consumed (0: none, or another replica is at it). */
    @Transactional
    public int fanOut(int limit) {
        List<Long> cursor = session.createNativeQuery(
                        "select last_seq from webhook_cursor where id = 1 for update skip locked", Long.class)
                .getResultList();
        if (cursor.isEmpty()) {
            return 0;
        }
        List<Object[]> changes = session.createNativeQuery(
                        "select seq, article_id, slug, version, updated_at, public_event, recorded_at"
                                + " from article_change where seq > :last order by seq limit :limit",
                        Object[].class)
                .setParameter("last", cursor.getFirst())
                .setParameter("limit", limit)
                .getResultList();
        if (changes.isEmpty()) {
            return 0;
        }
        List<Object[]> endpoints = session.createNativeQuery(
                        "select id, events, from_seq from webhook_endpoint where enabled", Object[].class)
                .getResultList();
        Instant now = Instant.now();
        for (Object[] change : changes) {
            long seq = ((Number) change[0]).longValue();
            String event = (String) change[5];
            if (event == null) {
                continue; // a write the public does not see
            }
            String payload = null;
            for (Object[] endpoint : endpoints) {
                boolean subscribed =
                        Arrays.asList(((String) endpoint[1]).split(",")).contains(event);
                if (subscribed && seq > ((Number) endpoint[2]).longValue()) {
                    payload = payload != null ? payload : payload(change);
                    session.createNativeMutationQuery("insert into webhook_delivery (endpoint_id, change_seq,"
                                    + " article_id, event_type, payload, state, attempts, next_attempt_at, created_at)"
                                    + " values (:endpoint, :seq, :article, :event, :payload, 'pending', 0, :now, :now)"
                                    + " on conflict (endpoint_id, change_seq) do nothing")
                            .setParameter("endpoint", ((Number) endpoint[0]).longValue())
                            .setParameter("seq", seq)
                            .setParameter("article", ((Number) change[1]).longValue())
                            .setParameter("event", event)
                            .setParameter("payload", payload)
                            .setParameter("now", now.atOffset(ZoneOffset.UTC))
                            .executeUpdate();
                }
            }
        }
        session.createNativeMutationQuery("update webhook_cursor set last_seq = :seq where id = 1")
                .setParameter("seq", ((Number) changes.getLast()[0]).longValue())
                .executeUpdate();
        return changes.size();
    }

    /** Claims up to {@code limit} due deliveries for one attempt each, leased for {@code lease}. */
    @Transactional
    public List<Claimed> claim(int limit, Duration lease) {
        Instant now = Instant.now();
        List<Long> ids = session.createNativeQuery(
                        "select d.id from webhook_delivery d join webhook_endpoint e on e.id = d.endpoint_id"
                                + " where d.state = 'pending' and e.enabled and d.next_attempt_at <= :now"
                                + " and (d.lease_until is null or d.lease_until < :now)"
                                + " and not exists (select 1 from webhook_delivery p where p.endpoint_id = d.endpoint_id"
                                + " and p.article_id = d.article_id and p.state = 'pending' and p.id < d.id)"
                                + " order by d.id limit :limit for update of d skip locked",
                        Long.class)
                .setParameter("now", now.atOffset(ZoneOffset.UTC))
                .setParameter("limit", limit)
                .getResultList();
        if (ids.isEmpty()) {
            return List.of();
        }
        session.createNativeMutationQuery("update webhook_delivery set lease_until = :leaseUntil,"
                        + " attempts = attempts + 1 where id in (:ids)")
                .setParameter("leaseUntil", now.plus(lease).atOffset(ZoneOffset.UTC))
                .setParameterList("ids", ids)
                .executeUpdate();
        List<Object[]> rows = session.createNativeQuery(
                        "select id, endpoint_id, event_type, payload, attempts from webhook_delivery"
                                + " where id in (:ids) order by id",
                        Object[].class)
                .setParameterList("ids", ids)
                .getResultList();
        return rows.stream()
                .map(r -> new Claimed(
                        ((Number) r[0]).longValue(),
                        ((Number) r[1]).longValue(),
                        (String) r[2],
                        (String) r[3],
                        ((Number) r[4]).intValue()))
                .toList();
    }

    /**
     * Records an attempt and what follows: {@code nextAttempt} null ends the delivery in
     * {@code state}; a {@code gone} receiver also disables its endpoint.
     */
    @Transactional
    public void record(
            Claimed d, Instant attemptedAt, Integer status, String error, String state, Instant nextAttempt) {
        session.createNativeMutationQuery("insert into webhook_attempt (delivery_id, attempted_at, status_code, error,"
                        + " next_retry_at) values (:delivery, :at, :status, :error, :next)")
                .setParameter("delivery", d.id())
                .setParameter("at", attemptedAt.atOffset(ZoneOffset.UTC))
                .setParameter("status", status, Integer.class)
                .setParameter("error", error, String.class)
                .setParameter(
                        "next", nextAttempt == null ? null : nextAttempt.atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                .executeUpdate();
        session.createNativeMutationQuery("update webhook_delivery set state = :state, lease_until = null,"
                        + " next_attempt_at = coalesce(:next, next_attempt_at) where id = :id")
                .setParameter("state", state)
                .setParameter(
                        "next", nextAttempt == null ? null : nextAttempt.atOffset(ZoneOffset.UTC), OffsetDateTime.class)
                .setParameter("id", d.id())
                .executeUpdate();
        if (DeliveryState.GONE.equals(state)) {
            session.createNativeMutationQuery("update webhook_endpoint set enabled = false where id = :id")
                    .setParameter("id", d.endpointId())
                    .executeUpdate();
        }
    }

    private String payload(Object[] change) {
        String slug = (String) change[2];
        WebhookEvent event = new WebhookEvent(
                (String) change[5],
                Rfc3339.format(instant(change[6])),
                new WebhookEvent.Data(
                        ((Number) change[1]).longValue(),
                        slug,
                        ((Number) change[3]).longValue(),
                        Rfc3339.format(instant(change[4])),
                        links.publicBase() + "/articles/" + slug));
        try {
            return json.writeValueAsString(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event records always serialize", e);
        }
    }
}
