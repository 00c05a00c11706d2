package dev.newsdesk.article.webhooks;

import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An endpoint's delivery attempts, newest first. */
@Schema(requiredProperties = {"items"})
public record DeliveryLog(List<DeliveryAttempt> items) {}
