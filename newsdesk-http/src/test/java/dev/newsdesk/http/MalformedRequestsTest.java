package dev.newsdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class MalformedRequestsTest {

    @Test
    void aNulCharacterAnywhereInTheTargetIsRefused() {
        assertEquals(
                "The request target contains a NUL character",
                MalformedRequests.reason("/api/articles/slug/%00", null));
        assertEquals(
                "The request target contains a NUL character",
                MalformedRequests.reason("/api/articles?category=a%00b", null));
    }

    @Test
    void aPercentThatStartsNoEscapeIsRefused() {
        for (String uri : new String[] {"/feeds/%zz", "/feeds/%", "/api/articles/x//%", "/img/%0./x"}) {
            assertEquals(
                    "The request target has a '%' that starts no percent-escape",
                    MalformedRequests.reason(uri, null), uri);
        }
    }

    @Test
    void aContentTypeThatIsNoMediaTypeIsRefused() {
        assertEquals("The Content-Type header is not a media type", MalformedRequests.reason("/api/import", ""));
        assertEquals("The Content-Type header is not a media type", MalformedRequests.reason("/api/import", "garbage"));
    }

    @Test
    void ordinaryRequestsPass() {
        assertNull(MalformedRequests.reason("/feeds/tags/%E9%87%91/rss.xml?page=2", "text/markdown; charset=utf-8"));
        assertNull(MalformedRequests.reason("/feeds/tags/;///%25s%25n%25x?page=1.5", null));
    }
}
