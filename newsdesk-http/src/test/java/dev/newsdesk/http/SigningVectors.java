package dev.newsdesk.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * The shared URL-signing test vectors ({@code url-signing-vectors.txt} beside this class, computed
 * with OpenSSL): the signer's and the verifier's tests both read them from this module's test-jar,
 * so the two ends are held to the same signatures rather than each to its own.
 */
public final class SigningVectors {

    /** One line: the hex key, the path after the signature and the signature OpenSSL gave. */
    public record Vector(String keyHex, String path, String signature) {}

    private SigningVectors() {}

    public static List<Vector> all() {
        try (InputStream in = SigningVectors.class.getResourceAsStream("url-signing-vectors.txt")) {
            if (in == null) {
                throw new IllegalStateException("url-signing-vectors.txt is missing from newsdesk-http's test-jar");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8)
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.split("\\|", -1))
                    .map(f -> new Vector(f[0], f[1], f[2]))
                    .toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
