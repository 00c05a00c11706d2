package dev.newsdesk.image.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.pipeline.ImageOptions;
import dev.newsdesk.image.pipeline.ImageOptions.Format;
import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ContentNegotiationTest {

    private static final Set<Format> ALL = EnumSet.allOf(Format.class);
    private static final Set<Format> NO_AVIF = EnumSet.complementOf(EnumSet.of(Format.AVIF));
    private static final Set<Format> BUILT_IN = EnumSet.of(Format.JPEG, Format.PNG, Format.AUTO);

    @Test
    void autoFollowsTheBrowsersAcceptHeaders() {
        assertEquals(
                Format.AVIF, auto("image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8", ALL), "Chrome");
        assertEquals(
                Format.WEBP,
                auto("image/webp,image/png,image/svg+xml,image/*;q=0.8,video/*;q=0.8,*/*;q=0.5", ALL),
                "Safari 14");
        assertEquals(
                Format.JPEG,
                auto("image/png,image/svg+xml,image/*;q=0.8,video/*;q=0.8,*/*;q=0.5", ALL),
                "older Safari");
        assertEquals(Format.WEBP, auto("image/webp", ALL));
        assertEquals(Format.JPEG, auto("*/*", ALL), "a wildcard is no evidence");
        assertEquals(Format.JPEG, auto(null, ALL));
        assertEquals(Format.WEBP, auto("image/avif;q=0, image/webp", ALL), "q=0 refuses");
        assertEquals(Format.WEBP, auto("IMAGE/AVIF;q=0.0,Image/WebP;q=0.5", ALL));
    }

    @Test
    void autoSkipsFormatsThisHostCannotEncode() {
        assertEquals(Format.WEBP, auto("image/avif,image/webp", NO_AVIF));
        assertEquals(Format.JPEG, auto("image/avif,image/webp", BUILT_IN));
    }

    @Test
    void anExplicitFormatIgnoresAcceptButMustBeAvailable() {
        assertEquals(Format.AVIF, ContentNegotiation.target(Format.AVIF, "image/jpeg", ALL::contains));
        assertEquals(Format.PNG, ContentNegotiation.target(Format.PNG, "image/avif", BUILT_IN::contains));
        ProblemException e = assertThrows(
                ProblemException.class, () -> ContentNegotiation.target(Format.AVIF, "image/avif", NO_AVIF::contains));
        assertEquals(422, e.status());
        assertEquals("format-unavailable", e.slug());
    }

    @Test
    void onlyAutoVariesWithAccept() {
        assertEquals("Accept", ContentNegotiation.vary(ImageOptions.parse("w:100")));
        assertEquals("Accept", ContentNegotiation.vary(ImageOptions.parse("f:auto")));
        assertNull(ContentNegotiation.vary(ImageOptions.parse("f:avif")));
        assertNull(ContentNegotiation.vary(ImageOptions.parse("f:jpeg")));
    }

    private static Format auto(String accept, Set<Format> available) {
        return ContentNegotiation.target(Format.AUTO, accept, available::contains);
    }
}
