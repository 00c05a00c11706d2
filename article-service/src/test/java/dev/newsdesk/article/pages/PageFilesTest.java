package dev.newsdesk.article.pages;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Which kept pages a write drops, checked against what each page would show if rendered again:
 * a section of articles one hour apart, each page showing the three published just before it.
 */
class PageFilesTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final long STAMP = 7;

    @TempDir
    Path parent;

    private final AtomicBoolean listening = new AtomicBoolean(true);
    private PageFiles files;

    @AfterEach
    void close() {
        if (files != null) {
            files.close();
        }
    }

    private PageFiles open(long maxBytes) {
        files = PageFiles.open(parent, maxBytes, listening::get);
        return files;
    }

    private static Instant hour(double h) {
        return T0.plusSeconds((long) (h * 3600));
    }

    private static String slug(long id) {
        return "a" + id;
    }

    private static RenderedPage page(long id) {
        return RenderedPage.html("<p>" + "page ".repeat(50) + id + "</p>");
    }

    /** Keeps the page of article {@code id} at {@code hour} in {@code section}, whose articles are {@code all}. */
    private void keep(long id, double at, String section, List<double[]> all) {
        List<double[]> earlier = all.stream()
                .filter(a -> a[1] < at || (a[1] == at && a[0] < id))
                .sorted((x, y) -> Double.compare(y[1], x[1]))
                .limit(ArticlePages.RELATED)
                .toList();
        PageFiles.Position oldest = earlier.size() < ArticlePages.RELATED
                ? null
                : new PageFiles.Position(hour(earlier.getLast()[1]), (long) earlier.getLast()[0]);
        PageFiles.Shows shows = new PageFiles.Shows(
                id,
                section,
                new PageFiles.Position(hour(at), id),
                oldest,
                earlier.stream().mapToLong(a -> (long) a[0]).toArray());
        files.store(slug(id), shows, STAMP, page(id), files.changes());
    }

    /** Articles 1..n of one section, article i published at hour i, every page kept. */
    private List<double[]> section(int n) {
        List<double[]> all = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            all.add(new double[] {i, i});
        }
        for (double[] a : all) {
            keep((long) a[0], a[1], "s", all);
        }
        return all;
    }

    private Set<Long> kept(long... ids) {
        return LongStream.of(ids)
                .filter(id -> files.peek(slug(id), STAMP).isPresent())
                .boxed()
                .collect(Collectors.toCollection(TreeSet::new));
    }

    private static Set<Long> ids(long... ids) {
        return LongStream.of(ids).boxed().collect(Collectors.toCollection(TreeSet::new));
    }

    @Test
    void aKeptPageReadsBackAsRenderedUnderItsStampOnly() {
        open(1 << 20);
        section(2);
        RenderedPage back = files.read(slug(2), STAMP).orElseThrow();
        assertArrayEquals(page(2).body(), back.body());
        assertArrayEquals(page(2).gzip(), back.gzip());
        assertEquals(page(2).etag(), back.etag());
        assertTrue(files.read(slug(2), STAMP + 1).isEmpty(), "another header: not this page");
        listening.set(false);
        assertTrue(files.peek(slug(2), STAMP).isEmpty(), "nothing is trusted while changes may be missed");
    }

    @Test
    void aNewArticleAfterAllOthersDropsNoPage() {
        open(1 << 20);
        section(8);
        files.changed(9, slug(9));
        files.placed(9, List.of("s"), hour(9));
        assertEquals(ids(1, 2, 3, 4, 5, 6, 7, 8), kept(1, 2, 3, 4, 5, 6, 7, 8));
    }

    @Test
    void aWriteDropsItsOwnPageAndThePagesListingIt() {
        open(1 << 20);
        section(8);
        files.changed(4, slug(4));
        // Pages 5, 6 and 7 show article 4; page 8 shows 7, 6, 5.
        assertEquals(ids(1, 2, 3, 8), kept(1, 2, 3, 4, 5, 6, 7, 8));
    }

    @Test
    void anArticlePlacedBetweenOthersDropsExactlyThePagesItJoins() {
        open(1 << 20);
        section(8);
        files.changed(100, slug(100));
        files.placed(100, List.of("s"), hour(4.5));
        // At 4.5 it is among the three before pages 5, 6 and 7 (their oldest: 2, 3 and 4), not 8's (5).
        assertEquals(ids(1, 2, 3, 4, 8), kept(1, 2, 3, 4, 5, 6, 7, 8));
    }

    @Test
    void anOldArticleJoinsOnlyPagesThatShowFewerThanTheyCould() {
        open(1 << 20);
        section(8);
        files.placed(100, List.of("s"), hour(0.5));
        // Pages 1, 2 and 3 show none, one and two articles; page 4 shows 3, 2, 1, all newer than it.
        assertEquals(ids(4, 5, 6, 7, 8), kept(1, 2, 3, 4, 5, 6, 7, 8));
    }

    @Test
    void otherSectionsAndSectionsOfOtherPagesAreLeftAlone() {
        open(1 << 20);
        section(4);
        List<double[]> other = List.of(new double[] {11, 1}, new double[] {12, 2});
        keep(11, 1, "t", other);
        keep(12, 2, "t", other);
        files.placed(100, List.of("u"), hour(1.5));
        assertEquals(ids(1, 2, 3, 4, 11, 12), kept(1, 2, 3, 4, 11, 12));
        files.placed(100, List.of("u", "t"), hour(1.5));
        assertEquals(ids(1, 2, 3, 4, 11), kept(1, 2, 3, 4, 11, 12));
    }

    @Test
    void aPageRenderedWhileAChangeArrivedIsNotKept() {
        open(1 << 20);
        long before = files.changes();
        files.changed(50, slug(50));
        files.store(
                slug(1),
                new PageFiles.Shows(1, "s", new PageFiles.Position(hour(1), 1), null, new long[0]),
                STAMP,
                page(1),
                before);
        assertTrue(files.peek(slug(1), STAMP).isEmpty());
    }

    @Test
    void droppedAndEvictedPagesTakeTheirFilesAndIndexEntries() throws IOException {
        int size = page(1).body().length + page(1).gzip().length;
        open(size * 3L + size / 2);
        section(8); // five of the eight are evicted
        files.entries().cleanUp();
        assertTrue(
                files.entries().estimatedSize() <= 3, "held: " + files.entries().estimatedSize());
        assertEquals(files.entries().estimatedSize() * 2, filesOnDisk());
        files.dropAll();
        files.entries().cleanUp();
        assertEquals(0, filesOnDisk());
        assertFalse(files.holdsAny(), "the indexes follow the entries");
    }

    private long filesOnDisk() throws IOException {
        try (Stream<Path> all = Files.list(files.folder())) {
            return all.filter(p -> p.getFileName().toString().contains(".html")).count();
        }
    }
}
