package dev.newsdesk.image.signing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class UrlSignatureTest {

    static final String KEY = "6a0f".repeat(16);
    static final String OTHER = "11aa".repeat(16);
    static final String PATH =
            "/w:720/f:auto/aHR0cHM6Ly9kZnNjZG4uZGZjZncuY29tL2Rvd25sb2FkL0QyNTAwMDAwMDAwMDAwMDAwMDFfdzcwMGg5OTYuanBn";

    @Test
    void signatureIsBase64UrlOfHmacSha256OverThePathWithTheHexDecodedKey() throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(HexFormat.of().parseHex(KEY), "HmacSHA256"));
        String expected = Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(mac.doFinal(PATH.getBytes(StandardCharsets.UTF_8)));
        UrlSignature signature = UrlSignature.fromSetting(Optional.of(KEY));
        assertEquals(expected, signature.sign(PATH));
        assertTrue(signature.accepts(expected, PATH));
    }

    @Test
    void refusesABadOrTruncatedOrPaddedSignature() {
        UrlSignature signature = UrlSignature.fromSetting(Optional.of(KEY));
        String good = signature.sign(PATH);
        assertFalse(signature.accepts(good.substring(0, good.length() - 1), PATH), "truncated by one character");
        assertFalse(signature.accepts(good.substring(0, 22), PATH), "truncated to half");
        assertFalse(signature.accepts(good, PATH + "x"), "other path");
        assertFalse(signature.accepts(good, PATH.replace("w:720", "w:1440")), "other options");
        assertFalse(signature.accepts("unsafe", PATH), "unsafe once a key is set");
        assertFalse(signature.accepts("!!notbase64!!", PATH));
        assertFalse(signature.accepts("", PATH));
        char last = good.charAt(10);
        assertFalse(
                signature.accepts(good.substring(0, 10) + (last == 'A' ? 'B' : 'A') + good.substring(11), PATH),
                "one character changed");
    }

    @Test
    void rotationSignsWithTheFirstKeyAndAcceptsAny() {
        UrlSignature rotating = UrlSignature.fromSetting(Optional.of(KEY + ", " + OTHER));
        UrlSignature old = UrlSignature.fromSetting(Optional.of(OTHER));
        assertEquals(UrlSignature.fromSetting(Optional.of(KEY)).sign(PATH), rotating.sign(PATH));
        assertTrue(rotating.accepts(old.sign(PATH), PATH));
        assertTrue(rotating.accepts(rotating.sign(PATH), PATH));
        assertFalse(old.accepts(rotating.sign(PATH), PATH));
    }

    @Test
    void withoutAKeyOnlyUnsafeIsAccepted() {
        UrlSignature unsigned = UrlSignature.fromSetting(Optional.empty());
        assertTrue(unsigned.isUnsigned());
        assertTrue(unsigned.accepts("unsafe", PATH));
        assertFalse(unsigned.accepts(UrlSignature.fromSetting(Optional.of(KEY)).sign(PATH), PATH));
        assertTrue(UrlSignature.fromSetting(Optional.of("  ")).isUnsigned());
    }

    @Test
    void refusesShortOrNonHexKeysWithAClearMessage() {
        IllegalArgumentException shortKey =
                assertThrows(IllegalArgumentException.class, () -> UrlSignature.fromSetting(Optional.of("abcd")));
        assertTrue(shortKey.getMessage().contains("at least 32"), shortKey.getMessage());
        IllegalArgumentException notHex = assertThrows(
                IllegalArgumentException.class, () -> UrlSignature.fromSetting(Optional.of("zz".repeat(32))));
        assertTrue(notHex.getMessage().contains("not hex"), notHex.getMessage());
        assertThrows(IllegalArgumentException.class, () -> UrlSignature.fromSetting(Optional.of(KEY + ",abcd")));
    }
}
