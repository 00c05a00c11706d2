package dev.newsdesk.e2e.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Random;

/**
 * Seeded hostile values: what breaks parsers, number conversions, encodings and naive SQL or
 * template code. Every URL among them names a loopback address, so no request can make a
 * service reach anything outside this machine.
 */
final class Hostile {

    static final ObjectMapper JSON = new ObjectMapper();

    private static final List<String> STRINGS = List.of(
            "",
            " ",
            "0",
            "-1",
            "1",
            "2147483648",
            "-9223372036854775809",
            "99999999999999999999999999",
            "1e309",
            "NaN",
            "0x10",
            "1.5",
            "true",
            "null",
            "[]",
            "{}",
            "{\"a\":",
            "' OR '1'='1",
            "\"; DROP TABLE article; --",
            "%s%n%x",
            "${jndi:ldap://127.0.0.1:1/x}",
            "{{7*7}}",
            "{#for x in 1..9}{x}{/for}",
            "<script>alert(1)</script>",
            "javascript:alert(1)",
            "../../../../etc/passwd",
            "..\\..\\windows",
            "\u0000",
            "\u202e\u0645\u0631\u062d\u0628\u0627",
            "\ud83d\ude00\ud83d\udca5",
            "\ufeff\u200b",
            "区块链",
            "a".repeat(5_000),
            "中".repeat(2_000),
            "http://127.0.0.1:1/x.jpg",
            "http://[::1]:1/",
            "https://127.0.0.1:1/hook",
            "2024-13-45T25:61:61+99:00",
            "2024-02-30",
            "1970-01-01T00:00:00Z",
            "+275760-09-13T00:00:00Z",
            "W/\"x\"",
            "*",
            "whsec_AAAA");

    private static final List<String> RAW_PATH_PIECES = List.of(
            "%zz",
            "%",
            "%0",
            "%00",
            "%2e%2e",
            "..",
            ".",
            "%2f",
            "//",
            ";",
            ";jsessionid=1",
            "%C0%AE",
            "%FF",
            "~",
            "!$&'()*+,=");

    private final Random random;

    Hostile(long seed) {
        this.random = new Random(seed);
    }

    Random random() {
        return random;
    }

    boolean chance(double p) {
        return random.nextDouble() < p;
    }

    <T> T pick(List<T> values) {
        return values.get(random.nextInt(values.size()));
    }

    String string() {
        return chance(0.15) ? randomUnicode(random.nextInt(40)) : pick(STRINGS);
    }

    /** A path segment: a hostile value percent-encoded, or raw pieces a lenient parser may trip on. */
    String pathSegment() {
        if (chance(0.3)) {
            return pick(RAW_PATH_PIECES) + (chance(0.5) ? pick(RAW_PATH_PIECES) : "");
        }
        return URLEncoder.encode(string(), StandardCharsets.UTF_8).replace("+", "%20");
    }

    String queryValue() {
        return chance(0.2) ? pick(RAW_PATH_PIECES) : URLEncoder.encode(string(), StandardCharsets.UTF_8);
    }

    /** A header value: visible ASCII and spaces only, as HTTP allows. */
    String headerValue() {
        String value = string().replaceAll("[^\\x20-\\x7e]", "?");
        return value.length() > 1_000 ? value.substring(0, 1_000) : value;
    }

    String contentType() {
        return pick(List.of(
                "application/json",
                "application/json; charset=latin1",
                "text/markdown",
                "text/markdown; charset=utf-16",
                "application/zip",
                "text/plain",
                "application/xml",
                "multipart/form-data; boundary=x",
                "application/x-www-form-urlencoded",
                "image/jpeg",
                "*/*",
                "garbage",
                "a/b; c=\"unterminated",
                ""));
    }

    /** A JSON value of the schema's shape with hostile leaves, or any hostile JSON at all. */
    JsonNode json(JsonNode shape, int depth) {
        if (shape != null && shape.isObject() && chance(0.8)) {
            ObjectNode object = JSON.createObjectNode();
            shape.properties().forEach(p -> {
                if (chance(0.85)) {
                    object.set(p.getKey(), json(p.getValue(), depth + 1));
                }
            });
            return object;
        }
        return anyJson(depth);
    }

    private JsonNode anyJson(int depth) {
        int kind = random.nextInt(depth > 4 ? 5 : 7);
        return switch (kind) {
            case 0 -> JSON.getNodeFactory().textNode(string());
            case 1 -> JSON.getNodeFactory().numberNode(pick(List.of(0L, -1L, Long.MAX_VALUE, Long.MIN_VALUE)));
            case 2 -> JSON.getNodeFactory().numberNode(pick(List.of(1.5e308, -0.0, 1e-320)));
            case 3 -> JSON.getNodeFactory().booleanNode(random.nextBoolean());
            case 4 -> JSON.getNodeFactory().nullNode();
            case 5 -> {
                ArrayNode array = JSON.createArrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(anyJson(depth + 1));
                }
                yield array;
            }
            default -> {
                ObjectNode object = JSON.createObjectNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    object.set(string(), anyJson(depth + 1));
                }
                yield object;
            }
        };
    }

    /** A body that is no JSON: garbage bytes, a nested bomb, a Jekyll post with hostile front matter. */
    byte[] rawBody() {
        return switch (random.nextInt(5)) {
            case 0 -> {
                byte[] bytes = new byte[random.nextInt(2_000)];
                random.nextBytes(bytes);
                yield bytes;
            }
            case 1 -> ("[".repeat(5_000) + "]".repeat(5_000)).getBytes(StandardCharsets.UTF_8);
            case 2 ->
                ("---\ntitle: " + string() + "\ndate: " + string() + "\ncategories: " + string() + "\n---\n" + string())
                        .getBytes(StandardCharsets.UTF_8);
            case 3 ->
                ("---\ntitle: &a [*a, *a]\nb: &b [*a, *a, *a, *a]\nc: [*b, *b, *b, *b]\n---\nx")
                        .getBytes(StandardCharsets.UTF_8);
            default -> ("PK\u0003\u0004" + string()).getBytes(StandardCharsets.ISO_8859_1);
        };
    }

    private String randomUnicode(int length) {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < length; i++) {
            int cp = random.nextInt(0x2FFFF);
            if (Character.isValidCodePoint(cp) && !(cp >= 0xD800 && cp <= 0xDFFF)) {
                s.appendCodePoint(cp);
            }
        }
        return s.toString();
    }
}
