package dev.newsdesk.article.content;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SummaryTest {

    @Test
    void shortTextStaysWhole() {
        assertEquals("一段短文字。", Summary.of("  一段短文字。\n "));
    }

    @Test
    void cutsAfterTheLastSentenceEndInReach() {
        String first = "甲".repeat(150) + "。";
        String summary = Summary.of(first + "乙".repeat(100) + "。");
        assertEquals(first, summary);
    }

    @Test
    void fallsBackToAClauseBreak() {
        String text = "甲".repeat(160) + "，" + "乙".repeat(100);
        assertEquals("甲".repeat(160) + "…", Summary.of(text));
    }

    @Test
    void hardCutWhenNoBoundaryIsNear() {
        String summary = Summary.of("甲".repeat(50) + "。" + "乙".repeat(300));
        assertEquals(200, summary.length());
        assertTrue(summary.endsWith("…"));
    }

    @Test
    void dropsATrailingLeadInToThePictures() {
        String text = "港口吞吐量稳步回升。外贸航线恢复明显。部分港口数据如下：";
        assertEquals("港口吞吐量稳步回升。外贸航线恢复明显。", Summary.of(text));
    }

    @Test
    void leadInAfterAClauseCutIsDroppedToo() {
        String text = "甲".repeat(100) + "。" + "乙".repeat(60) + "，名单如下：";
        assertEquals("甲".repeat(100) + "。", Summary.of(text));
    }

    @Test
    void aLoneLeadInKeepsItsWordsButNotItsColon() {
        assertEquals("数据如下…", Summary.of("数据如下："));
    }

    @Test
    void aColonInsideTheTextIsNoLeadIn() {
        assertEquals("记者：港口回升。", Summary.of("记者：港口回升。"));
    }
}
