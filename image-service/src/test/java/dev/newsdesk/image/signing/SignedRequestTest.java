package dev.newsdesk.image.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsdesk.http.ProblemException;
import dev.newsdesk.http.SigningVectors;
import dev.newsdesk.http.UrlSignature;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The verifier's side of the shared URL-signing vectors (the signer's is article-service's ImageUrlsTest). */
class SignedRequestTest {

    @Test
    void acceptsEverySharedVectorAndNothingChanged() {
        for (SigningVectors.Vector v : SigningVectors.all()) {
            UrlSignature key = UrlSignature.fromSetting(Optional.of(v.keyHex()));
            SignedRequest request = SignedRequest.parse("/img/" + v.signature() + v.path(), key);
            assertEquals(v.path(), request.signedPath());

            String otherWidth = v.path().replaceFirst("^/(w:\\d+/)?", "/w:99/");
            ProblemException changed = assertThrows(
                    ProblemException.class, () -> SignedRequest.parse("/img/" + v.signature() + otherWidth, key));
            assertEquals(403, changed.status(), otherWidth);
            assertEquals("bad-signature", changed.slug());
        }
    }
}
