package dev.newsdesk.article.content;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class XmlTextTest {

    @Test
    void removesCharactersXmlForbids() {
        assertEquals("ab\tc\n中文😀", XmlText.legal("a\u0000b\u0008\t\u000Bc\n\uFFFE中文\uD800😀"));
    }
}
