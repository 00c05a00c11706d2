package dev.newsdesk.article.webhooks;

/** Where a delivery stands, stored by name in {@code webhook_delivery.state}. */
final class DeliveryState {

    static final String PENDING = "pending";
    static final String DELIVERED = "delivered";
    /** Every retry of the schedule was used. */
    static final String FAILED = "failed";
    /** The receiver answered 410 Gone: the endpoint is disabled. */
    static final String GONE = "gone";

    private DeliveryState() {}
}
