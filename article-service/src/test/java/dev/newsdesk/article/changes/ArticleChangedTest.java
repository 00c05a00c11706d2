package dev.newsdesk.article.changes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class ArticleChangedTest {

    @Test
    void readsThePayloadTheTriggerWrites() {
        // V30: article_id || ':' || version || ':' || deleted || ':' || slug, deleted as t or f
        assertEquals(new ArticleChanged(42, 3, false, "a-slug"), ArticleChanged.parse("42:3:false:a-slug"));
        assertEquals(new ArticleChanged(7, 1, true, "x"), ArticleChanged.parse("7:1:true:x"));
    }

    @Test
    void aSlugMayHoldColons() {
        assertEquals("a:b:c", ArticleChanged.parse("1:2:false:a:b:c").slug());
    }

    @Test
    void refusesWhatIsNotAPayload() {
        assertThrows(IllegalArgumentException.class, () -> ArticleChanged.parse("42:3"));
        assertThrows(NumberFormatException.class, () -> ArticleChanged.parse("x:3:false:s"));
    }
}
