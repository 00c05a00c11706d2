package dev.newsdesk.image.signing;

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
 * The contract's URL signature: base64url (no padding) of HMAC-SHA256 over the path after the
 * signature, starting with {@code /}, exactly as received. Key rotation: the setting holds a
 * comma-separated list of hex keys; {@link #sign} uses the first, {@link #accepts} any of them.
 * With no key at all only the literal {@code unsafe} is accepted (local development).
 * Unlike thumbor there is no SHA-1 and no {@code unsafe} route once a key is set.
 */
public final class UrlSignature {

    public static final String UNSAFE = "unsafe";
    private static final int MIN_KEY_BYTES = 32;

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
     * Parses {@code NEWSDESK_IMAGE_SIGNING_KEY}: absent or blank means unsigned mode; otherwise every
     * comma-separated entry must be hex of at least 32 bytes.
     *
     * @throws IllegalArgumentException with a message fit for a start-up failure
     */
    public static UrlSignature fromSetting(Optional<String> setting) {
        if (setting.isEmpty() || setting.get().isBlank()) {
            return new UrlSignature(List.of());
        }
        List<byte[]> keys = new ArrayList<>();
        for (String entry : setting.get().split(",")) {
            String hex = entry.strip();
            byte[] key;
            try {
                key = HexFormat.of().parseHex(hex);
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("NEWSDESK_IMAGE_SIGNING_KEY: key " + (keys.size() + 1)
                        + " is not hex (expected comma-separated hex keys of at least " + MIN_KEY_BYTES
                        + " bytes each)");
            }
            if (key.length < MIN_KEY_BYTES) {
                throw new IllegalArgumentException("NEWSDESK_IMAGE_SIGNING_KEY: key " + (keys.size() + 1) + " has "
                        + key.length + " bytes; at least " + MIN_KEY_BYTES + " (" + 2 * MIN_KEY_BYTES
                        + " hex digits) are required");
            }
            keys.add(key);
        }
        return new UrlSignature(List.copyOf(keys));
    }

    public boolean isUnsigned() {
        return keys.isEmpty();
    }

    /** The signature for {@code path} (starting with {@code /}) under the first key, or {@code unsafe} without keys. */
    public String sign(String path) {
        return isUnsigned() ? UNSAFE : Base64.getUrlEncoder().withoutPadding().encodeToString(hmac(0, path));
    }

    /**
     * Whether {@code signature} is valid for {@code path} under any key. The comparison is on the
     * decoded MAC bytes with {@link MessageDigest#isEqual} (constant time for equal lengths);
     * a truncated or malformed signature simply fails.
     */
    public boolean accepts(String signature, String path) {
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
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
