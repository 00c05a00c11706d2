package dev.newsdesk.article.webhooks;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Standard Webhooks 1.0 signing: secrets written {@code whsec_<base64>} (24 random bytes), and
 * {@code webhook-signature: v1,<base64 HMAC-SHA256(key, id.timestamp.body)>}, one space-separated
 * signature per secret still valid (two during a rotation's overlap). Written here rather than
 * taken from the reference library so that the e2e tests, which verify with that library, check
 * an independent implementation.
 */
public final class WebhookSigner {

    static final String SECRET_PREFIX = "whsec_";
    private static final int SECRET_BYTES = 24;

    private WebhookSigner() {}

    /**
     * A fresh secret. The generator is made per call, not held in a static field: a native image
     * initializes this class at build time, and a SecureRandom seeded then would be frozen into
     * the image (native-image refuses it). Secrets are made at registration and rotation only.
     */
    public static String newSecret() {
        byte[] key = new byte[SECRET_BYTES];
        new SecureRandom().nextBytes(key);
        return SECRET_PREFIX + Base64.getEncoder().encodeToString(key);
    }

    /** The {@code webhook-signature} header value: one {@code v1,} signature per secret, in order. */
    public static String signatures(List<String> secrets, String messageId, long timestamp, String body) {
        return secrets.stream()
                .map(secret -> "v1," + sign(secret, messageId, timestamp, body))
                .collect(Collectors.joining(" "));
    }

    static String sign(String secret, String messageId, long timestamp, String body) {
        byte[] key = Base64.getDecoder().decode(secret.substring(SECRET_PREFIX.length()));
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] digest = mac.doFinal((messageId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
