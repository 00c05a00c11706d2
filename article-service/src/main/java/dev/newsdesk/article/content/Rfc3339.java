package dev.newsdesk.article.content;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * RFC 3339 timestamps with seconds always written: {@code OffsetDateTime.toString()} drops
 * {@code :00} seconds, which some feed readers and the contract do not accept.
 */
public final class Rfc3339 {

    private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private Rfc3339() {}

    public static String format(OffsetDateTime time) {
        return FORMAT.format(time);
    }

    public static String format(Instant time) {
        return FORMAT.format(time.atOffset(ZoneOffset.UTC));
    }
}
