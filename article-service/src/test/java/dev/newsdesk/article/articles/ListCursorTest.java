package dev.newsdesk.article.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsdesk.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import org.junit.jupiter.api.Test;

class ListCursorTest {

    private static String base64url(String raw) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    @Test
    void encodesSecondsNanosAndIdAsUnpaddedBase64url() {
        ListCursor cursor = new ListCursor(Instant.parse("2024-03-05T01:30:00.000000123Z"), 42);
        // 1709602200 is 2024-03-05T01:30:00Z, counted by hand from the epoch.
        assertEquals(base64url("1709602200.123.42"), cursor.encode());
        assertEquals("MTcwOTYwMjIwMC4xMjMuNDI", cursor.encode());
    }

    @Test
    void decodesWhatItEncodes() {
        ListCursor cursor = new ListCursor(Instant.parse("1999-12-31T23:59:59.999999999Z"), Long.MAX_VALUE);
        assertEquals(cursor, ListCursor.decode(cursor.encode()));
    }

    @Test
    void aSearchCursorCarriesItsRankExactly() {
        ListCursor cursor = new ListCursor(Instant.ofEpochSecond(1709602200L, 5), 7, 19_820.123456789012345);
        assertEquals(cursor, ListCursor.decode(cursor.encode()));
        assertEquals(19_820.123456789012345, ListCursor.decode(cursor.encode()).rank());
    }

    @Test
    void decodesACursorIssuedBeforeThisClassExisted() {
        // A client may hold a cursor across a deployment: the format must keep decoding.
        assertEquals(
                new ListCursor(Instant.ofEpochSecond(1709602200L, 5), 7),
                ListCursor.decode(base64url("1709602200.5.7")));
    }

    @Test
    void toleratesSurroundingWhitespace() {
        assertEquals(new ListCursor(Instant.ofEpochSecond(1, 0), 2), ListCursor.decode(" " + base64url("1.0.2") + " "));
    }

    @Test
    void refusesWhatItDidNotIssueAsABadCursor() {
        for (String bad : new String[] {
            "not base64!",
            base64url("1.2"),
            base64url("1.2.3.4.5"),
            base64url("1.2.3.zz"),
            base64url("1.2.3." + Long.toHexString(Double.doubleToLongBits(Double.NaN))),
            base64url("a.b.c"),
            base64url("99999999999999999.0.1"),
            ""
        }) {
            ProblemException p = assertThrows(ProblemException.class, () -> ListCursor.decode(bad), bad);
            assertEquals(400, p.status(), bad);
            assertEquals("cursor", p.toProblem("/").errors().get(0).field(), bad);
        }
    }
}
