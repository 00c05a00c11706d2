package dev.newsdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlSignatureTest {

    static final String KEY = "6a0f".repeat(16);
    static final String OTHER = "11aa".repeat(16);
    static final String PATH =
            "/w:720/f:auto/aHR0cHM6Ly9kZnNjZG4uZGZjZncuY29tL2Rvd25sb2FkL0QyNTAwMDAwMDAwMDAwMDAwMDFfdzcwMGg5OTYuanBn";

    @Test
    void signsAndVerifiesEverySharedVector() {
        List<SigningVectors.Vector> vectors = SigningVectors.all();
        assertTrue(vectors.size() >= 5, "vectors read: " + vectors.size());
        for (SigningVectors.Vector v : vectors) {
            UrlSignature signature = UrlSignature.fromSetting(Optional.of(v.keyHex()));
            assertEquals(v.signature(), signature.sign(v.path()), v.path());
            assertTrue(signature.verify(v.signature(), v.path()), v.path());
        }
    }

    @Test
    void refusesABadOrTruncatedOrPaddedSignature() {
        UrlSignature signature = UrlSignature.fromSetting(Optional.of(KEY));
        String good = signature.sign(PATH);
        assertFalse(signature.verify(good.substring(0, good.length() - 1), PATH), "truncated by one character");
        assertFalse(signature.verify(good.substring(0, 22), PATH), "truncated to half");
        assertFalse(signature.verify(good, PATH + "x"), "other path");
        assertFalse(signature.verify(good, PATH.replace("w:720", "w:1440")), "other options");
        assertFalse(signature.verify("unsafe", PATH), "unsafe once a key is set");
        assertFalse(signature.verify("!!notbase64!!", PATH));
        assertFalse(signature.verify("", PATH));
        char last = good.charAt(10);
        assertFalse(
                signature.verify(good.substring(0, 10) + (last == 'A' ? 'B' : 'A') + good.substring(11), PATH),
                "one character changed");
    }

    @Test
    void rotationSignsWithTheFirstKeyAndAcceptsAny() {
        UrlSignature rotating = UrlSignature.fromSetting(Optional.of(KEY + ", " + OTHER));
        UrlSignature old = UrlSignature.fromSetting(Optional.of(OTHER));
        assertEquals(UrlSignature.fromSetting(Optional.of(KEY)).sign(PATH), rotating.sign(PATH));
        assertTrue(rotating.verify(old.sign(PATH), PATH));
        assertTrue(rotating.verify(rotating.sign(PATH), PATH));
        assertFalse(old.verify(rotating.sign(PATH), PATH));
    }

    @Test
    void withoutAKeyOnlyUnsafeIsAccepted() {
        UrlSignature unsigned = UrlSignature.fromSetting(Optional.empty());
        assertTrue(unsigned.isUnsigned());
        assertEquals("unsafe", unsigned.sign(PATH));
        assertTrue(unsigned.verify("unsafe", PATH));
        assertFalse(unsigned.verify(UrlSignature.fromSetting(Optional.of(KEY)).sign(PATH), PATH));
        assertTrue(UrlSignature.fromSetting(Optional.of("  ")).isUnsigned());
    }

    @Test
    void refusesShortOrNonHexKeysWithAClearMessage() {
        assertRefused("abcd", "key 1 of 1 has 2 bytes");
        assertRefused("00".repeat(16), "key 1 of 1 has 16 bytes");
        assertRefused("zz".repeat(32), "key 1 of 1 is not hex");
        assertRefused(KEY + ",abcd", "key 2 of 2 has 2 bytes");
    }

    /** A stray comma never turns into unsigned mode or a skipped key: signer and verifier would disagree. */
    @Test
    void refusesEmptyEntriesWhereverTheyAre() {
        assertRefused("," + KEY, "key 1 of 2 is empty");
        assertRefused(KEY + ",", "key 2 of 2 is empty");
        assertRefused(KEY + ", ," + OTHER, "key 2 of 3 is empty");
        assertRefused(",", "key 1 of 2 is empty");
    }

    private static void assertRefused(String setting, String expected) {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> UrlSignature.fromSetting(Optional.of(setting)));
        assertTrue(e.getMessage().startsWith("NEWSDESK_IMAGE_SIGNING_KEY: "), e.getMessage());
        assertTrue(e.getMessage().contains(expected), e.getMessage());
        assertTrue(e.getMessage().contains("at least 32 bytes"), e.getMessage());
    }
}
