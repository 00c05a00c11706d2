package dev.newsdesk.article.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

class SlugsTest {

    @Test
    void derivedSlugsAreAsciiAndStable() {
        OffsetDateTime date = OffsetDateTime.parse("2023-06-18T09:05:00+08:00");
        String slug = Slugs.derived(date, "source:http://news.example.com/1", 8);
        assertTrue(slug.matches("2023-06-18-[0-9a-f]{8}"), slug);
        assertEquals(slug, Slugs.derived(date, "source:http://news.example.com/1", 8));
    }

    @Test
    void explicitSlugsMustBeUrlSafe() {
        assertEquals("my-post", Slugs.explicit(" My-Post "));
        assertNull(Slugs.explicit("中文标题"));
        assertNull(Slugs.explicit("a/../b"));
    }
}
