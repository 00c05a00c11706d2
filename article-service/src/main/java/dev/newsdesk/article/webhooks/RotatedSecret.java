package dev.newsdesk.article.webhooks;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A new signing secret; until {@code previousSecretValidUntil} deliveries carry both signatures. */
@Schema(requiredProperties = {"id", "secret", "previousSecretValidUntil"})
public record RotatedSecret(
        long id,

        @Schema(description = "whsec_<base64>, shown only now", pattern = "^whsec_[A-Za-z0-9+/=]+$")
        String secret,

        @Schema(format = "date-time", description = "Until then the old secret signs too")
        String previousSecretValidUntil) {}
