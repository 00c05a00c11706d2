package dev.newsdesk.article.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsdesk.article.content.Source;
import dev.newsdesk.article.store.ArticleQuery;
import dev.newsdesk.http.Problem;
import dev.newsdesk.http.ProblemException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArticleValidatorTest {

    private static ArticleInput input(String title, String publishedAt) {
        return new ArticleInput(title, "<p>正文</p>", publishedAt, List.of("区块链"), List.of("金融科技"), null, null);
    }

    private static List<Problem.FieldError> errorsOf(ProblemException p) {
        return p.toProblem("/api/articles").errors();
    }

    private static ListParams listing(String from, String to, String limit, String cursor) {
        return new ListParams(null, null, null, null, from, to, limit, cursor, null);
    }

    @Test
    void aValidInputBecomesADraftWithTheOffsetKept() {
        ArticleDraft draft = ArticleValidator.draft(new ArticleInput(
                "  标题  ", null, "2024-03-05T09:30:00+08:00", List.of(" 区块链 ", "区块链", "金融"), List.of(), null, null));
        assertEquals("标题", draft.title());
        assertEquals(OffsetDateTime.parse("2024-03-05T09:30:00+08:00"), draft.published());
        assertEquals("+08:00", draft.published().getOffset().getId());
        assertEquals(List.of("区块链", "金融"), draft.categories(), "stripped, and each name once");
        assertEquals(List.of(), draft.tags());
    }

    @Test
    void missingBodyIsABadRequest() {
        ProblemException p = assertThrows(ProblemException.class, () -> ArticleValidator.draft(null));
        assertEquals(400, p.status());
        assertEquals("The request needs a JSON body", p.getMessage());
    }

    @Test
    void reportsEveryFieldInErrorAtOnce() {
        ArticleInput bad = new ArticleInput(
                " ",
                "x".repeat(1024 * 1024 + 1),
                "2024-03-05 09:30",
                Arrays.asList("ok", null),
                List.of("t".repeat(101)),
                new Source("name", "ftp://example.com/a"),
                "hidden");
        ProblemException p = assertThrows(ProblemException.class, () -> ArticleValidator.draft(bad));
        assertEquals(400, p.status());
        assertEquals(
                List.of(
                        new Problem.FieldError("title", "is required"),
                        new Problem.FieldError(
                                "publishedAt", "must be RFC 3339 with an offset, e.g. 2024-03-05T09:30:00+08:00"),
                        new Problem.FieldError("bodyHtml", "is larger than 1 MiB"),
                        new Problem.FieldError("categories", "names must be 1 to 100 characters"),
                        new Problem.FieldError("tags", "names must be 1 to 100 characters"),
                        new Problem.FieldError("source.url", "must be an http(s) URL"),
                        new Problem.FieldError("status", "must be one of published, scheduled, draft")),
                errorsOf(p));
        assertEquals(
                "title is required; publishedAt must be RFC 3339 with an offset, e.g. 2024-03-05T09:30:00+08:00;"
                        + " bodyHtml is larger than 1 MiB; categories names must be 1 to 100 characters;"
                        + " tags names must be 1 to 100 characters; source.url must be an http(s) URL;"
                        + " status must be one of published, scheduled, draft",
                p.getMessage());
    }

    @Test
    void titleLimitIsFiveHundredCharacters() {
        ArticleValidator.draft(input("题".repeat(500), "2024-03-05T09:30:00Z"));
        ProblemException p = assertThrows(
                ProblemException.class, () -> ArticleValidator.draft(input("题".repeat(501), "2024-03-05T09:30:00Z")));
        assertEquals(List.of(new Problem.FieldError("title", "is longer than 500 characters")), errorsOf(p));
    }

    @Test
    void publishedAtWithoutAnOffsetIsRefused() {
        ProblemException p =
                assertThrows(ProblemException.class, () -> ArticleValidator.draft(input("t", "2024-03-05T09:30:00")));
        assertEquals("publishedAt", errorsOf(p).get(0).field());
    }

    @Test
    void anEmptyListingQueryIsTheNewestTwenty() {
        ArticleQuery q = ArticleValidator.query(listing(null, null, null, null));
        assertEquals(new ArticleQuery(null, null, null, null, null, null, null, null, null, 20, null), q);
    }

    @Test
    void blankFiltersAreNoFilterAndOthersAreStripped() {
        ArticleQuery q = ArticleValidator.query(new ListParams(" ", " 金融 ", "", " 试点 ", null, null, " 5 ", null, null));
        assertEquals(new ArticleQuery(null, "金融", null, "试点", null, null, null, null, null, 5, null), q);
    }

    @Test
    void bareDatesCoverWholeUtcDays() {
        ArticleQuery q = ArticleValidator.query(listing("2024-03-01", "2024-03-31", null, null));
        assertEquals(Instant.parse("2024-03-01T00:00:00Z"), q.from());
        assertEquals(Instant.parse("2024-03-31T23:59:59.999999999Z"), q.to());
    }

    @Test
    void timestampsKeepTheirInstant() {
        ArticleQuery q = ArticleValidator.query(listing("2024-03-05T09:30:00+08:00", null, null, null));
        assertEquals(Instant.parse("2024-03-05T01:30:00Z"), q.from());
        assertNull(q.to());
    }

    @Test
    void theCursorGivesThePositionToContinueAfter() {
        String cursor = new ListCursor(Instant.parse("2024-03-05T01:30:00Z"), 9).encode();
        ArticleQuery q = ArticleValidator.query(listing(null, null, "1", cursor));
        assertEquals(Instant.parse("2024-03-05T01:30:00Z"), q.afterPublishedAt());
        assertEquals(9L, q.afterId());
        assertEquals(1, q.limit());
    }

    @Test
    void limitOutsideOneToAHundredIsRefusedNotCut() {
        assertEquals(
                100, ArticleValidator.query(listing(null, null, "100", null)).limit());
        for (String bad : new String[] {"0", "101", "-1", "ten", "1.5", "99999999999"}) {
            ProblemException p = assertThrows(
                    ProblemException.class, () -> ArticleValidator.query(listing(null, null, bad, null)), bad);
            assertEquals(
                    List.of(new Problem.FieldError("limit", "must be a whole number from 1 to 100")), errorsOf(p), bad);
        }
    }

    @Test
    void aBadDateNamesItsParameter() {
        ProblemException from =
                assertThrows(ProblemException.class, () -> ArticleValidator.query(listing("March", null, null, null)));
        assertEquals("from", errorsOf(from).get(0).field());
        ProblemException to = assertThrows(
                ProblemException.class, () -> ArticleValidator.query(listing(null, "2024-02-30", null, null)));
        assertEquals("to", errorsOf(to).get(0).field());
    }
}
