package dev.newsdesk.article.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.hibernate.Session;

/**
 * The few columns sitemaps need, without loading bodies. Sitemap pages are id ranges of
 * {@link #PAGE_SIZE} ({@code (id - 1) / PAGE_SIZE}): a page's URL keeps its articles as new ones
 * arrive, so crawlers revisit only pages whose {@code lastmod} moved.
 */
@ApplicationScoped
public class SitemapStore {

    /** Well under the protocol's 50,000 URLs and 50 MB per file. */
    public static final int PAGE_SIZE = 10_000;

    private final Session session;

    SitemapStore(Session session) {
        this.session = session;
    }

    /** One sitemap page: its number and the newest change in it. */
    public record Page(long number, Instant lastModified) {}

    /** An article as a sitemap lists it. */
    public record Entry(String slug, String title, OffsetDateTime published, Instant updated) {}

    /**
     * Each page's newest change, one index probe per page ({@code article_sitemap_page}), so the
     * sitemap index costs the number of pages, not the size of the archive. Empty pages are left out.
     */
    @Transactional
    public List<Page> pages() {
        List<Object[]> rows = session.createNativeQuery(
                        "select p, (select max(a.updated_at) from article a where (a.id - 1) / " + PAGE_SIZE
                                + " = p and " + Visibility.PUBLIC + ")"
                                + " from generate_series(0, (select (max(id) - 1) / " + PAGE_SIZE
                                + " from article)) p order by p",
                        Object[].class)
                .getResultList();
        return rows.stream()
                .filter(r -> r[1] != null)
                .map(r -> new Page(((Number) r[0]).longValue(), instant(r[1])))
                .toList();
    }

    private static Instant instant(Object value) {
        return switch (value) {
            case OffsetDateTime odt -> odt.toInstant();
            case java.sql.Timestamp ts -> ts.toInstant();
            default -> (Instant) value;
        };
    }

    @Transactional
    public List<Entry> page(long number) {
        return entries(
                "from ArticleEntity a where " + Visibility.PUBLIC + " and a.id > :low and a.id <= :high order by a.id",
                number * PAGE_SIZE,
                (number + 1) * PAGE_SIZE,
                null,
                PAGE_SIZE);
    }

    /** Published at or after {@code since}, newest first, at most {@code limit}. */
    @Transactional
    public List<Entry> publishedSince(Instant since, int limit) {
        return entries(
                "from ArticleEntity a where " + Visibility.PUBLIC
                        + " and a.publishedAt >= :since order by a.publishedAt desc, a.id desc",
                null,
                null,
                since,
                limit);
    }

    private List<Entry> entries(String from, Long low, Long high, Instant since, int limit) {
        var query = session.createSelectionQuery(
                "select a.slug, a.title, a.publishedAt, a.publishedOffset, a.updatedAt " + from, Object[].class);
        if (low != null) {
            query.setParameter("low", low).setParameter("high", high);
        }
        if (since != null) {
            query.setParameter("since", since);
        }
        return query.setMaxResults(limit).getResultList().stream()
                .map(r -> new Entry(
                        (String) r[0],
                        (String) r[1],
                        ((Instant) r[2]).atOffset(ZoneOffset.ofTotalSeconds(((Number) r[3]).intValue())),
                        (Instant) r[4]))
                .toList();
    }
}
