package dev.newsdesk.article.webhooks;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /api/webhooks}. */
@Schema(requiredProperties = {"url", "events"})
public record WebhookInput(
        @Schema(
                maxLength = 2000,
                description = "https:// and a public address, unless under NEWSDESK_WEBHOOK_ALLOWED_TARGETS",
                example = "https://app.example.com/hooks/newsdesk")
        String url,

        @Schema(description = "At least one; article.published, article.updated, article.deleted")
        List<String> events,

        @Schema(maxLength = 500, nullable = true) String description) {}
