package dev.newsdesk.article.webhooks;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A registered endpoint as the API shows it; never its secret. */
@Schema(requiredProperties = {"id", "url", "events", "description", "enabled", "createdAt"})
public record Webhook(
        long id,
        String url,

        @Schema(description = "The events it receives") List<WebhookEventType> events,

        @Schema(nullable = true) String description,

        @Schema(description = "False once the receiver answered 410 Gone: nothing more is sent")
        boolean enabled,

        @Schema(format = "date-time") String createdAt) {}
