package dev.newsdesk.article.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

class JekyllPostParserTest {

    private final JekyllPostParser parser = new JekyllPostParser();

    private JekyllPost parse(String text) {
        return parser.parse(text.getBytes(StandardCharsets.UTF_8));
    }

    private ImportRejected rejected(String text) {
        return assertThrows(ImportRejected.class, () -> parse(text));
    }

    @Test
    void keepsTheOriginalOffset() {
        JekyllPost post = parse("---\ntitle: 标题\ndate: 2022-01-30 12:25:13 +0800\n---\n正文");
        assertEquals(OffsetDateTime.parse("2022-01-30T12:25:13+08:00"), post.date());
        assertEquals("+08:00", post.date().getOffset().getId());
    }

    @Test
    void categoriesAndTagsAsStringOrList() {
        JekyllPost post = parse(
                "---\ntitle: 标题\ndate: 2022-01-30 12:25:13 +0800\ncategories: [宏观, 市场]\ntags: 债券\nslug: my-post\n---\n");
        assertEquals(List.of("宏观", "市场"), post.categories());
        assertEquals(List.of("债券"), post.tags());
        assertEquals("my-post", post.slug());
    }

    @Test
    void rendersMarkdownAroundHtml() {
        JekyllPost post =
                parse("---\ntitle: 标题\ndate: 2022-01-30 12:25:13 +0800\n---\n# 小标题\n\n<p>原样的段落</p>\n\n**加粗**\n");
        assertTrue(post.bodyHtml().contains("<h1>小标题</h1>"));
        assertTrue(post.bodyHtml().contains("<p>原样的段落</p>"));
        assertTrue(post.bodyHtml().contains("<strong>加粗</strong>"));
        assertNull(post.slug());
    }

    @Test
    void missingFrontMatterNamesLineOne() {
        ImportRejected r = rejected("title: 标题\n正文");
        assertEquals("front matter", r.field());
        assertTrue(r.getMessage().startsWith("line 1:"), r.getMessage());
    }

    @Test
    void unclosedFrontMatterIsRejected() {
        ImportRejected r = rejected("---\ntitle: 标题\ndate: 2022-01-30 12:25:13 +0800\n正文没有结束线");
        assertTrue(r.getMessage().contains("never closed"), r.getMessage());
    }

    @Test
    void malformedYamlNamesItsLine() {
        ImportRejected r = rejected("---\ntitle: 标题\ndate: 2022-01-30 12:25:13 +0800\ntags: [未闭合\n---\n");
        assertEquals("front matter", r.field());
        assertTrue(r.getMessage().matches("line [45]: malformed YAML.*"), r.getMessage());
    }

    @Test
    void missingTitleOrDate() {
        assertEquals(
                "title", rejected("---\ndate: 2022-01-30 12:25:13 +0800\n---\n").field());
        assertEquals("date", rejected("---\ntitle: 标题\n---\n").field());
    }

    @Test
    void invalidDateNamesTheLine() {
        ImportRejected r = rejected("---\ntitle: 标题\ndate: 2022-13-45 99:00:00 +0800\n---\n");
        assertEquals("date", r.field());
        assertTrue(r.getMessage().startsWith("line 3:"), r.getMessage());
    }

    @Test
    void impossibleDayIsNotRoundedDown() {
        assertEquals(
                "date",
                rejected("---\ntitle: 标题\ndate: 2023-02-30 08:00:00 +0800\n---\n")
                        .field());
    }

    @Test
    void textThatIsNotUtf8IsRejected() {
        byte[] gbk = "---\ntitle: 标题\n---\n".getBytes(Charset.forName("GBK"));
        ImportRejected r = assertThrows(ImportRejected.class, () -> parser.parse(gbk));
        assertTrue(r.getMessage().contains("not UTF-8"));
    }

    @Test
    void postsOverOneMebibyteAreRejected() {
        byte[] big = new byte[1024 * 1024 + 1];
        ImportRejected r = assertThrows(ImportRejected.class, () -> parser.parse(big));
        assertEquals(413, r.toProblem().status());
    }

    @Test
    void charactersOutsideTheBmpAnywhereInTheFrontMatter() {
        // A surrogate pair at every position around the YAML reader's 1,024-character window.
        // Front matter keys the importer does not read are still parsed; one carries the padding.
        for (int pad = 1_000; pad < 1_040; pad++) {
            String excerpt = "中".repeat(pad) + "😀𠮷 摘要";
            JekyllPost post =
                    parse("---\nexcerpt: " + excerpt + "\ntitle: 标题😀\ndate: 2022-01-30 12:25:13 +0800\n---\n正文");
            assertEquals("标题😀", post.title(), "padding " + pad);
        }
    }
}
