package dev.newsdesk.http;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import org.junit.jupiter.api.Test;

class ProblemVocabularyTest {

    /** One status, one title: the factories read the same table as the framework handlers. */
    @Test
    void factoriesUseTheTableTitles() {
        assertEquals("Not Found", ProblemException.notFound("x").toProblem("/x").title());
        assertEquals(
                "Bad Request", ProblemException.badRequest("x").toProblem("/x").title());
        assertEquals(
                "Service Unavailable",
                ProblemException.unavailable("x", 1).toProblem("/x").title());
        assertEquals(
                "Forbidden",
                new ProblemException(403, "bad-signature", "x").toProblem("/x").title());
    }

    @Test
    void eachStatusHasOneSlugAndTitle() {
        ProblemVocabulary.Entry notFound = ProblemVocabulary.forStatus(404);
        assertEquals("not-found", notFound.slug());
        Problem problem = ProblemException.of(404, "gone missing").toProblem("/a");
        assertEquals(URI.create("https://newsdesk.dev/problems/not-found"), problem.type());
        assertEquals(notFound.title(), problem.title());
        assertEquals("too-large", ProblemVocabulary.forStatus(413).slug());
        assertEquals("unavailable", ProblemVocabulary.forStatus(503).slug());
    }

    @Test
    void anUnlistedStatusStillGetsATypeAndTitle() {
        assertEquals(new ProblemVocabulary.Entry(418, "http-418", "HTTP 418"), ProblemVocabulary.forStatus(418));
    }
}
