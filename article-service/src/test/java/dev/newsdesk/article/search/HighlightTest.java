package dev.newsdesk.article.search;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;

class HighlightTest {

    @Test
    void marksEveryOccurrenceInTheWindowAndEscapesTheRest() {
        assertEquals("a &lt;b&gt; <mark>降准</mark> &amp; <mark>降准</mark>", Highlight.of("a <b> 降准 & 降准", "降准"));
    }

    @Test
    void aLongTextShowsAWindowAroundTheFirstMatch() {
        String text = "甲".repeat(200) + "降准" + "乙".repeat(200);
        String h = Highlight.of(text, "降准");
        assertEquals(
                "…" + "甲".repeat(Highlight.BEFORE) + "<mark>降准</mark>"
                        + "乙".repeat(Highlight.WINDOW - Highlight.BEFORE - 2) + "…",
                h);
    }

    @Test
    void theTitleLineBreakIsASpaceAndNoMatchIsNoHighlight() {
        assertEquals("标题 <mark>正文</mark>", Highlight.of("标题\n正文", "正文"));
        assertNull(Highlight.of("标题\n正文", "没有"));
    }

    @Test
    void aWindowNeverSplitsASurrogatePair() {
        String text = "𠀀".repeat(40) + "降准";
        String h = Highlight.of(text, "降准");
        assertEquals(
                0L, h.codePoints().filter(cp -> cp >= 0xD800 && cp <= 0xDFFF).count(), h);
    }
}
