package dev.newsdesk.article.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.OffsetDateTime;

import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

/**
 * Runs on whichever database the suite was started with: H2 by default, PostgreSQL when
 * {@code .ci/run} passes a URL. {@code expected.database} names the one expected,
 * so a suite meant for PostgreSQL cannot silently pass on H2.
 */
@QuarkusTest
class ActiveDatabaseTest {

    @Inject
    Database db;

    @Inject
    ArticleStore store;

    @Test
    @Transactional
    void theExpectedDatabaseIsActiveAndMigrated() {
        String expected = System.getProperty("expected.database", "H2");
        String product = db.session().doReturningWork(c -> c.getMetaData().getDatabaseProductName());
        assertEquals(expected.toLowerCase(), product.toLowerCase());
        Number migrations = (Number) db.session()
                .createNativeQuery("select count(*) from flyway_schema_history where success = true")
                .getSingleResult();
        assertTrue(migrations.intValue() >= 1, "Flyway ran");
    }

    @Test
    void storesAndReadsAnArticle() {
        ArticleEntity article = new ArticleEntity();
        article.slug = "active-database-" + System.nanoTime();
        article.title = "存储测试";
        article.published(OffsetDateTime.parse("2024-03-01T10:00:00+08:00"));
        article.updatedAt = article.publishedAt;
        long id = store.save(article).id;
        ArticleEntity read = store.byId(id).orElseThrow();
        assertEquals("存储测试", read.title);
        assertEquals(OffsetDateTime.parse("2024-03-01T10:00:00+08:00"), read.published());
    }
}
