package dev.newsdesk.article.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.newsdesk.article.images.ImageUrls;
import org.junit.jupiter.api.Test;

/** The stored JSON's fingerprint follows what signed URLs depend on, and never shows the key. */
class StoredArticlesFingerprintTest {

    private static final String KEY = "00112233445566778899aabbccddeeff".repeat(2);

    @Test
    void sameConfigurationSameFingerprint() {
        assertEquals(
                StoredArticles.fingerprint(new ImageUrls("https://img.example", KEY)),
                StoredArticles.fingerprint(new ImageUrls("https://img.example/", KEY)));
    }

    @Test
    void anotherKeyBaseOrRotationOrderChangesIt() {
        String now = StoredArticles.fingerprint(new ImageUrls("https://img.example", KEY));
        assertNotEquals(now, StoredArticles.fingerprint(new ImageUrls("https://img.example", KEY.replace('0', '1'))));
        assertNotEquals(now, StoredArticles.fingerprint(new ImageUrls("https://cdn.example", KEY)));
        assertNotEquals(now, StoredArticles.fingerprint(new ImageUrls("https://img.example", null)));
        assertNotEquals(
                now,
                StoredArticles.fingerprint(new ImageUrls("https://img.example", KEY.replace('0', '1') + "," + KEY)));
        assertEquals(
                now,
                StoredArticles.fingerprint(new ImageUrls("https://img.example", KEY + "," + KEY.replace('0', '1'))),
                "a second (verifying) key does not change what is signed");
        assertFalse(now.contains(KEY));
    }
}
