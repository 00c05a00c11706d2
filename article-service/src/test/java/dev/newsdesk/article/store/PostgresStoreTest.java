package dev.newsdesk.article.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.TestTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs on whichever PostgreSQL the suite was started with: its own embedded server by default,
 * the machine's server when {@code .ci/run} passes a URL. {@code expected.postgres.version} names
 * the major version expected (the embedded binaries' by default), so a suite meant for the other
 * server cannot silently pass on this one.
 */
@QuarkusTest
class PostgresStoreTest {

    @Inject
    ArticleStore store;

    @Inject
    EntityManager em;

    @Test
    @Transactional
    void theExpectedServerIsConnectedAndMigrated() {
        String expected = System.getProperty("expected.postgres.version");
        String version = (String) em.createNativeQuery("show server_version").getSingleResult();
        assertEquals(major(expected), major(version), "server_version " + version);
        Number migrations =
                (Number) em.createNativeQuery("select count(*) from flyway_schema_history where success = true")
                        .getSingleResult();
        assertTrue(migrations.intValue() >= 2, "Flyway ran");
    }

    /** WriteConflicts recognises a race by the unique key's name: the names it knows are the schema's. */
    @Test
    @Transactional
    void theUniqueKeysWriteConflictsNamesExist() {
        List<?> names = em.createNativeQuery(
                        "select conname from pg_constraint where contype in ('u', 'p') and conname in (?1, ?2, ?3)"
                                + " order by conname")
                .setParameter(1, WriteConflicts.ARTICLE_SLUG)
                .setParameter(2, WriteConflicts.ARTICLE_IMPORT_KEY)
                .setParameter(3, WriteConflicts.SECTION_NAME)
                .getResultList();
        assertEquals(
                List.of(WriteConflicts.ARTICLE_IMPORT_KEY, WriteConflicts.ARTICLE_SLUG, WriteConflicts.SECTION_NAME),
                names);
    }

    /**
     * The database's ctype must classify CJK as letters, else pg_trgm extracts no trigrams from
     * Chinese and the planner scans the table for every Chinese query (a C-locale cluster does
     * exactly that: there the same plan is a Seq Scan). 5,000 rows, rolled back at the end.
     */
    @Test
    @TestTransaction
    void aChineseQueryOfThreeCharactersUsesTheTrigramIndex() {
        List<?> trigrams =
                em.createNativeQuery("select unnest(show_trgm('区块链'))").getResultList();
        assertFalse(trigrams.isEmpty(), "pg_trgm extracts trigrams from Chinese");
        em.createNativeQuery("""
                insert into article (id, slug, title, published_at, published_offset, updated_at, summary, body_html,
                                     images, search_text, search_grams, version)
                select -g, 'explain-' || g, '港口' || g, now(), 0, now(), '', '', '[]', t, article_bigrams(t), 0
                from generate_series(1, 5000) g,
                     lateral (select '第' || g || '篇：港口吞吐量稳步回升，外贸航线恢复明显' as t) text""").executeUpdate();
        // New GIN entries wait in the index's pending list, which the planner rightly counts as a
        // scan of its own; merge them as autovacuum would have.
        em.createNativeQuery("select gin_clean_pending_list('article_search_trgm')")
                .getSingleResult();
        em.createNativeQuery("select gin_clean_pending_list('article_search_grams')")
                .getSingleResult();
        em.createNativeQuery("analyze article").executeUpdate();
        List<?> plan = em.createNativeQuery("explain select id from article where search_text like '%区块链%' escape '!'")
                .getResultList();
        assertTrue(plan.toString().contains("Index Scan on article_search_trgm"), "plan: " + plan);
        // Two characters: no trigram in them, but the bigram index (V31) answers.
        List<?> bigrams = em.createNativeQuery(
                        "explain select id from article where search_grams @@ cast(?1 as tsquery)")
                .setParameter(1, "'区块'")
                .getResultList();
        assertTrue(bigrams.toString().contains("Index Scan on article_search_grams"), "plan: " + bigrams);
    }

    /**
     * The header's sections count the categories of the newest public articles only: rows dated
     * after every fixture, rolled back at the end.
     */
    @Test
    @TestTransaction
    void recentCategoriesCountTheNewestPublicArticlesOnly() {
        insert(-1, "2999-01-03", true, "乙");
        insert(-2, "2999-01-02", true, "甲", "乙");
        insert(-3, "2999-01-01", true, "甲");
        insert(-4, "2998-01-01", true, "丙"); // older than the sample of three
        insert(-5, "3000-01-01", false, "丁"); // the newest, but not public
        assertEquals(
                List.of(new NameCount("乙", 2), new NameCount("甲", 2)),
                store.recentCategoryCounts(3),
                "most used first, then by name");
        assertEquals(new NameCount("丙", 1), store.recentCategoryCounts(4).get(2));
    }

    /** Where written articles stand, for the kept pages: public ones with a category, categories in order. */
    @Test
    @TestTransaction
    void placesOfPublicArticlesWithTheirCategoriesInOrder() {
        insert(-21, "2999-03-01", true, "乙", "甲");
        insert(-22, "2999-03-02", false, "甲"); // a draft: on no page
        insert(-23, "2999-03-03", true); // no category: on no page either
        insert(-24, "2999-03-04", true, "丙");
        assertEquals(
                List.of(
                        new Place(-24, java.time.Instant.parse("2999-03-04T00:00:00Z"), List.of("丙")),
                        new Place(-21, java.time.Instant.parse("2999-03-01T00:00:00Z"), List.of("乙", "甲"))),
                store.places(List.of(-21L, -22L, -23L, -24L)));
    }

    /**
     * A dense window is ranked without the bigram index (ArticleStore's choice): both reads must
     * give the same page, on this server's SQL.
     */
    @Test
    @TestTransaction
    void aWindowRankedWithOrWithoutTheIndexGivesTheSamePage() {
        String[] texts = {"稠密稠密稠密", "稠密 标题", "无关", "稠 密", "三次稠密稠密稠密", "稠密"};
        for (int i = 0; i < texts.length; i++) {
            em.createNativeQuery("""
                    insert into article (id, slug, title, published_at, published_offset, updated_at, summary, body_html,
                                         images, search_text, search_grams, version)
                    values (?1, 'dense' || ?1, ?2, cast(?3 as timestamptz), 0, now(), '', '', '[]', ?2,
                            article_bigrams(?2), 0)""")
                    .setParameter(1, -10L - i)
                    .setParameter(2, texts[i])
                    .setParameter(3, "2999-02-0" + (1 + i) + "T00:00:00Z")
                    .executeUpdate();
        }
        ArticleQuery q = new ArticleQuery(null, null, null, "稠密", null, null, null, null, null, 10, null);
        java.time.Instant since = java.time.Instant.parse("2999-01-01T00:00:00Z");
        List<?> indexed = page(ListingSql.ranked(q, since, null, true));
        List<?> byDate = page(ListingSql.ranked(q, since, null, false));
        assertEquals(
                List.of(-15L, -14L, -11L, -10L), indexed, "equal ranks (title, mentions, a day each) newest first");
        assertEquals(indexed, byDate);
    }

    private List<Long> page(ListingSql.Built built) {
        var query = em.createNativeQuery(built.sql(), Object[].class);
        built.params().forEach(query::setParameter);
        return ((List<?>) query.getResultList())
                .stream().map(row -> ((Number) ((Object[]) row)[0]).longValue()).toList();
    }

    private void insert(long id, String date, boolean visible, String... categories) {
        em.createNativeQuery("""
                insert into article (id, slug, title, published_at, published_offset, updated_at, summary, body_html,
                                     images, search_text, search_grams, version, visible)
                values (?1, 'recent' || ?1, 't', cast(?2 as timestamptz), 0, now(), '', '', '[]', 't', '', 0, ?3)""")
                .setParameter(1, id)
                .setParameter(2, date + "T00:00:00Z")
                .setParameter(3, visible)
                .executeUpdate();
        for (int i = 0; i < categories.length; i++) {
            em.createNativeQuery("insert into article_category (article_id, position, name) values (?1, ?2, ?3)")
                    .setParameter(1, id)
                    .setParameter(2, i)
                    .setParameter(3, categories[i])
                    .executeUpdate();
        }
    }

    @Test
    void storesAndReadsAnArticle() {
        ArticleEntity article = new ArticleEntity();
        article.slug = "postgres-store-" + System.nanoTime();
        article.title = "存储测试";
        article.published(OffsetDateTime.parse("2024-03-01T10:00:00+08:00"));
        article.updatedAt = article.publishedAt;
        // Public, as a write of a past date stores it: a row left "scheduled" in the past would be
        // published by the scheduler a second later, a change in the middle of whichever test
        // reads the change feed next.
        article.visible = true;
        long id = store.save(article).id;
        ArticleEntity read = store.byId(id).orElseThrow();
        assertEquals("存储测试", read.title);
        assertEquals(OffsetDateTime.parse("2024-03-01T10:00:00+08:00"), read.published());
    }

    private static String major(String version) {
        return version.split("[.\\s]")[0];
    }
}
