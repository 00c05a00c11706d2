package dev.newsdesk.article.webhooks;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.newsdesk.article.changes.PublicEvent;
import java.util.Arrays;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The events an endpoint may subscribe to, by their Standard Webhooks type names. */
@Schema(enumeration = {PublicEvent.PUBLISHED, PublicEvent.UPDATED, PublicEvent.DELETED})
public enum WebhookEventType {
    PUBLISHED(PublicEvent.PUBLISHED),
    UPDATED(PublicEvent.UPDATED),
    DELETED(PublicEvent.DELETED);

    private final String type;

    WebhookEventType(String type) {
        this.type = type;
    }

    @JsonValue
    public String type() {
        return type;
    }

    /** The event named {@code type}, or null for an unknown name (the validator reports it). */
    @JsonCreator
    public static WebhookEventType of(String type) {
        return Arrays.stream(values())
                .filter(e -> e.type.equals(type))
                .findFirst()
                .orElse(null);
    }
}
