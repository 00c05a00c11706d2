package dev.newsdesk.article.pages;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class AcceptEncodingTest {

    @Test
    void gzipWhenNamedOrStarredWithAPositiveQuality() {
        assertTrue(AcceptEncoding.takesGzip("gzip, deflate, br"));
        assertTrue(AcceptEncoding.takesGzip("br;q=1.0, GZIP;q=0.5"));
        assertTrue(AcceptEncoding.takesGzip("*"));
        assertTrue(AcceptEncoding.takesGzip("x-gzip"));
    }

    @Test
    void identityOtherwise() {
        assertFalse(AcceptEncoding.takesGzip(null));
        assertFalse(AcceptEncoding.takesGzip(""));
        assertFalse(AcceptEncoding.takesGzip("br, deflate"));
        assertFalse(AcceptEncoding.takesGzip("gzip;q=0, *"), "an explicit refusal beats the star");
        assertFalse(AcceptEncoding.takesGzip("*;q=0"));
        assertFalse(AcceptEncoding.takesGzip("gzip;q=nonsense"));
    }
}
