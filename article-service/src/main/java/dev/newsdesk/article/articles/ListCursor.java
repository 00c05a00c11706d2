package dev.newsdesk.article.articles;

import dev.newsdesk.http.ProblemException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.util.Base64;

/**
 * The keyset position after a listing page's last item: its (publishedAt, id), and in a search
 * ({@code q}) its rank as well. Opaque to clients: base64url, without padding, of
 * {@code "epochSecond.nano.id"}, or {@code "epochSecond.nano.id.rankBits"} with the rank's IEEE 754
 * bits in hex (exact: the next page compares the very same double). Clients hold issued cursors,
 * so the format is part of the contract in practice: a change must still decode the old one.
 */
public record ListCursor(Instant publishedAt, long id, Double rank) {

    public ListCursor(Instant publishedAt, long id) {
        this(publishedAt, id, null);
    }

    public String encode() {
        String raw = publishedAt.getEpochSecond() + "." + publishedAt.getNano() + "." + id
                + (rank == null ? "" : "." + Long.toHexString(Double.doubleToLongBits(rank)));
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.US_ASCII));
    }

    /** The position a cursor names; a 400 problem on {@code cursor} for anything this service did not issue. */
    public static ListCursor decode(String cursor) {
        try {
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(cursor.strip()), StandardCharsets.US_ASCII).split("\\.");
            if (parts.length == 3 || parts.length == 4) {
                Double rank = parts.length == 4 ? Double.longBitsToDouble(Long.parseUnsignedLong(parts[3], 16)) : null;
                if (rank == null || Double.isFinite(rank)) {
                    return new ListCursor(
                            Instant.ofEpochSecond(Long.parseLong(parts[0]), Long.parseLong(parts[1])),
                            Long.parseLong(parts[2]),
                            rank);
                }
            }
        } catch (IllegalArgumentException | DateTimeException e) {
            // falls through: any malformed cursor gets the same answer
        }
        throw ProblemException.invalidField("cursor", "is not a cursor this service issued");
    }
}
