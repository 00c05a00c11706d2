package dev.newsdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The examples of RFC 9110: the comparison table of §8.8.3.2 and the headers of §13.1.1 and §13.1.2. */
class EntityTagsTest {

    @Test
    void aContentTagIsStrongAndTheSameForTheSameBytesOnEveryReplica() {
        byte[] feed = "<rss>一</rss>".getBytes(StandardCharsets.UTF_8);
        String tag = EntityTags.ofContent(feed);
        // SHA-256 of the bytes, base64url, first 27 characters, quoted: reasoned from the bytes, not from the code.
        assertEquals(29, tag.length());
        assertTrue(tag.startsWith("\"") && tag.endsWith("\"") && !tag.startsWith("W/"));
        assertEquals(tag, EntityTags.ofContent(feed.clone()));
        assertNotEquals(tag, EntityTags.ofContent("<rss>二</rss>".getBytes(StandardCharsets.UTF_8)));
        assertTrue(EntityTags.matchesStrongly(tag, tag));
    }

    @Test
    void comparisonTableOfSection8_8_3_2() {
        // ETag 1 | ETag 2 | strong   | weak
        // W/"1"  | W/"1"  | no match | match
        assertFalse(EntityTags.matchesStrongly("W/\"1\"", "W/\"1\""));
        assertTrue(EntityTags.matchesWeakly("W/\"1\"", "W/\"1\""));
        // W/"1"  | W/"2"  | no match | no match
        assertFalse(EntityTags.matchesStrongly("W/\"1\"", "W/\"2\""));
        assertFalse(EntityTags.matchesWeakly("W/\"1\"", "W/\"2\""));
        // W/"1"  | "1"    | no match | match
        assertFalse(EntityTags.matchesStrongly("W/\"1\"", "\"1\""));
        assertTrue(EntityTags.matchesWeakly("W/\"1\"", "\"1\""));
        // "1"    | "1"    | match    | match
        assertTrue(EntityTags.matchesStrongly("\"1\"", "\"1\""));
        assertTrue(EntityTags.matchesWeakly("\"1\"", "\"1\""));
    }

    @Test
    void ifMatchExamplesOfSection13_1_1() {
        assertTrue(EntityTags.matchesStrongly("\"xyzzy\"", "\"xyzzy\""));
        assertTrue(EntityTags.matchesStrongly("\"xyzzy\", \"r2d2xxxx\", \"c3piozzzz\"", "\"r2d2xxxx\""));
        assertFalse(EntityTags.matchesStrongly("\"xyzzy\", \"r2d2xxxx\", \"c3piozzzz\"", "\"r2d2\""));
        assertTrue(EntityTags.matchesStrongly("*", "\"anything\""));
    }

    @Test
    void ifMatchRefusesAWeakTagForAStrongCurrentOne() {
        assertFalse(EntityTags.matchesStrongly("W/\"xyzzy\"", "\"xyzzy\""));
        assertFalse(EntityTags.matchesStrongly("W/\"a\", W/\"xyzzy\"", "\"xyzzy\""));
    }

    @Test
    void ifNoneMatchExamplesOfSection13_1_2() {
        assertTrue(EntityTags.matchesWeakly("\"xyzzy\"", "\"xyzzy\""));
        assertTrue(EntityTags.matchesWeakly("W/\"xyzzy\"", "\"xyzzy\""));
        assertTrue(EntityTags.matchesWeakly("\"xyzzy\", \"r2d2xxxx\", \"c3piozzzz\"", "\"c3piozzzz\""));
        assertTrue(EntityTags.matchesWeakly("W/\"xyzzy\", W/\"r2d2xxxx\", W/\"c3piozzzz\"", "\"r2d2xxxx\""));
        assertFalse(EntityTags.matchesWeakly("W/\"xyzzy\", W/\"r2d2xxxx\", W/\"c3piozzzz\"", "\"xyz\""));
        assertTrue(EntityTags.matchesWeakly("*", "\"xyzzy\""));
    }

    @Test
    void aCommaInsideTheQuotesBelongsToTheTag() {
        assertTrue(EntityTags.matchesWeakly("\"a,b\"", "\"a,b\""));
        assertFalse(EntityTags.matchesWeakly("\"a,b\"", "\"a\""));
        assertTrue(EntityTags.matchesStrongly(" ,\"x\",, \"a,b\" ,", "\"a,b\""));
    }

    @Test
    void theEmptyTagOfSection8_8_3IsATag() {
        assertTrue(EntityTags.matchesStrongly("\"\"", "\"\""));
        assertFalse(EntityTags.matchesStrongly("\"\"", "\"x\""));
    }

    @Test
    void absentOrMalformedHeadersMatchNothing() {
        assertFalse(EntityTags.matchesWeakly(null, "\"x\""));
        assertFalse(EntityTags.matchesWeakly("", "\"x\""));
        assertFalse(EntityTags.matchesWeakly("x", "\"x\""));
        assertFalse(EntityTags.matchesWeakly("\"x", "\"x\""));
        assertFalse(EntityTags.matchesWeakly("w/\"x\"", "\"x\""), "W/ is case-sensitive");
        assertFalse(EntityTags.matchesStrongly("\"x\" \"y\"", "\"x\""), "two tags need a comma");
    }
}
