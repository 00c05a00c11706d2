package dev.newsdesk.article.webhooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;

class WebhookSignerTest {

    /** The example of the Standard Webhooks specification's reference libraries. */
    @Test
    void signsTheSpecificationsExample() {
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                WebhookSigner.signatures(
                        List.of("whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw"),
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330,
                        "{\"test\": 2432232314}"));
    }

    @Test
    void signsWithEverySecretDuringARotation() {
        String header = WebhookSigner.signatures(List.of("whsec_AAAA", "whsec_BBBB"), "msg_1", 1, "{}");
        String[] signatures = header.split(" ");
        assertEquals(2, signatures.length);
        assertTrue(signatures[0].startsWith("v1,") && signatures[1].startsWith("v1,"));
        assertNotEquals(signatures[0], signatures[1]);
    }

    @Test
    void newSecretsAreWhsecWith24RandomBytes() {
        String secret = WebhookSigner.newSecret();
        assertTrue(secret.startsWith("whsec_"));
        assertEquals(24, Base64.getDecoder().decode(secret.substring(6)).length);
        assertNotEquals(secret, WebhookSigner.newSecret());
    }
}
