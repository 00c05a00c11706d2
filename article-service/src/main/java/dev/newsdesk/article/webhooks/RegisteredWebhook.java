package dev.newsdesk.article.webhooks;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The answer to a registration: the endpoint and its signing secret, which is shown only here. */
@Schema(requiredProperties = {"id", "url", "events", "description", "enabled", "createdAt", "secret"})
public record RegisteredWebhook(
        long id,
        String url,
        List<WebhookEventType> events,

        @Schema(nullable = true) String description,

        boolean enabled,

        @Schema(format = "date-time") String createdAt,

        @Schema(
                description =
                        "whsec_<base64>: verify webhook-signature with it (Standard Webhooks 1.0); shown only now",
                pattern = "^whsec_[A-Za-z0-9+/=]+$")
        String secret) {}
