package dev.newsdesk.article.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One attempt to deliver an event to an endpoint. */
@Schema(
        requiredProperties = {
            "webhookId",
            "event",
            "articleId",
            "attempt",
            "attemptedAt",
            "statusCode",
            "error",
            "nextRetryAt",
            "state"
        })
public record DeliveryAttempt(
        @Schema(description = "The webhook-id header: the same on every attempt of one event")
        String webhookId,

        WebhookEventType event,
        long articleId,

        @Schema(description = "1 for the first attempt") int attempt,

        @Schema(format = "date-time") String attemptedAt,

        @Schema(nullable = true, description = "The receiver's status, or null when there was no answer")
        Integer statusCode,

        @Schema(nullable = true, description = "Why there was no answer (timeout, refused address...)")
        String error,

        @Schema(nullable = true, format = "date-time", description = "When it is tried again; null: not again")
        String nextRetryAt,

        @Schema(
                enumeration = {"pending", "delivered", "failed", "gone"},
                description = "The event's delivery now: pending (retries to come), delivered, failed (retries"
                        + " exhausted) or gone (the receiver answered 410)")
        String state) {}
