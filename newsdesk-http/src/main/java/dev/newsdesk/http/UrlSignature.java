package dev.newsdesk.http;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The image URL signature of the contract, for both ends: article-service signs, image-service
 * verifies, with this one class and so one key rule. The signature is base64url (no padding) of
 * HMAC-SHA256 over the path after the signature, starting with {@code /}, exactly as sent.
 * <p>
 * {@code NEWSDESK_IMAGE_SIGNING_KEY} holds one hex key or, during a rotation, a comma-separated
 * list: {@link #sign} uses the first, {@link #verify} accepts any. Every entry must be hex of at
 * least {@value #MIN_KEY_BYTES} bytes; an empty entry (a stray comma) is refused like a bad key,
 * because skipping it silently could change which key signs. Only an unset or blank setting
 * means unsigned mode, where the literal {@code unsafe} is the one signature (local development).
 * Unlike thumbor there is no SHA-1 and no {@code unsafe} route once a key is set.
 */
public final class UrlSignature {

    public static final String UNSAFE = "unsafe";
    public static final String SETTING = "NEWSDESK_IMAGE_SIGNING_KEY";
    static final int MIN_KEY_BYTES = 32;

    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    private final List<byte[]> keys;
    /** One initialised Mac per key and thread: Mac.getInstance and init cost more than the MAC itself. */
    private final List<ThreadLocal<Mac>> macs;

    private UrlSignature(List<byte[]> keys) {
        this.keys = keys;
        this.macs = keys.stream()
                .map(key -> ThreadLocal.withInitial(() -> mac(key)))
                .toList();
    }

    /**
     * Parses {@value #SETTING}: absent or blank means unsigned mode; otherwise every comma-separated
     * entry must be hex of at least {@value #MIN_KEY_BYTES} bytes.
     *
     * @throws IllegalArgumentException naming the setting and the bad entry, fit for a start-up failure
     */
    public static UrlSignature fromSetting(Optional<String> setting) {
        if (setting.isEmpty() || setting.get().isBlank()) {
            return new UrlSignature(List.of());
        }
        String[] entries = setting.get().split(",", -1);
        List<byte[]> keys = new ArrayList<>();
        for (int i = 0; i < entries.length; i++) {
            keys.add(key(entries[i].strip(), i + 1, entries.length));
        }
        return new UrlSignature(List.copyOf(keys));
    }

    private static byte[] key(String hex, int position, int count) {
        String which = SETTING + ": key " + position + " of " + count;
        String rule = " (expected comma-separated hex keys of at least " + MIN_KEY_BYTES + " bytes, "
                + 2 * MIN_KEY_BYTES + " hex digits, each)";
        if (hex.isEmpty()) {
            throw new IllegalArgumentException(which + " is empty: remove the stray comma" + rule);
        }
        byte[] key;
        try {
            key = HexFormat.of().parseHex(hex);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(which + " is not hex" + rule);
        }
        if (key.length < MIN_KEY_BYTES) {
            throw new IllegalArgumentException(which + " has " + key.length + " bytes, too short" + rule);
        }
        return key;
    }

    public boolean isUnsigned() {
        return keys.isEmpty();
    }

    /** The signature for {@code path} (starting with {@code /}) under the first key, or {@code unsafe} without keys. */
    public String sign(String path) {
        return isUnsigned() ? UNSAFE : B64.encodeToString(hmac(0, path));
    }

    /**
     * Whether {@code signature} is valid for {@code path} under any key. The comparison is on the
     * decoded MAC bytes with {@link MessageDigest#isEqual} (constant time for equal lengths);
     * a truncated or malformed signature simply fails.
     */
    public boolean verify(String signature, String path) {
        if (isUnsigned()) {
            return UNSAFE.equals(signature);
        }
        byte[] given;
        try {
            given = Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return false;
        }
        boolean ok = false;
        for (int i = 0; i < keys.size(); i++) {
            ok |= MessageDigest.isEqual(hmac(i, path), given);
        }
        return ok;
    }

    private byte[] hmac(int key, String message) {
        return macs.get(key).get().doFinal(message.getBytes(StandardCharsets.UTF_8));
    }

    private static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return mac;
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
