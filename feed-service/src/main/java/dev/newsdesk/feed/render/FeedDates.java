package dev.newsdesk.feed.render;

import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The two date forms feeds use, both keeping the article's own offset. Patterns are spelled out
 * rather than taken from {@code DateTimeFormatter.RFC_1123_DATE_TIME} (one-digit days, which some
 * RSS readers reject) or {@code ISO_OFFSET_DATE_TIME} (fractions of seconds).
 */
public final class FeedDates {

    /** RFC 822 as RSS 2.0 uses it (with a four-digit year): {@code Tue, 05 Mar 2024 09:30:00 +0800}. */
    public static final DateTimeFormatter RFC_822 =
            DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z", Locale.ENGLISH);

    /** RFC 3339 for Atom and JSON Feed: {@code 2024-03-05T09:30:00+08:00}, {@code Z} for UTC. */
    public static final DateTimeFormatter RFC_3339 =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX", Locale.ENGLISH);

    private FeedDates() {}

    public static String rfc822(OffsetDateTime time) {
        return RFC_822.format(time);
    }

    public static String rfc3339(OffsetDateTime time) {
        return RFC_3339.format(time);
    }
}
