package dev.newsdesk.article.images;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PlaceholdersTest {

    private static final GalleryImage A = new GalleryImage("https://cdn.example/a_w700h500.jpg", 700, 500);
    private static final GalleryImage B = new GalleryImage("https://cdn.example/b_w700h500.jpg", 700, 500);
    private static final Placeholder RED = new Placeholder("#c03020", "3xgGawi6cLdXdoZ4eIB3EAg=");
    private static final Placeholder BLUE = new Placeholder("#2040c0", "1QcSHQRnh493V4dIh4eXh1h4kJUI");

    @Test
    void theColumnReadsBackWhatWasWrittenInAStableOrder() {
        Placeholders p = new Placeholders(Map.of(B.url(), BLUE, A.url(), RED));
        assertEquals(p, Placeholders.read(p.write()));
        assertEquals(p.write(), new Placeholders(Map.of(A.url(), RED, B.url(), BLUE)).write());
        assertEquals("{}", new Placeholders(Map.of()).write());
    }

    @Test
    void missingListsEachUnmeasuredImageOnceInGalleryOrder() {
        Placeholders onlyA = new Placeholders(Map.of(A.url(), RED));
        assertEquals(List.of(B.url()), onlyA.missing(List.of(A, B, B)));
        assertEquals(List.of(), onlyA.missing(List.of(A)));
    }

    @Test
    void anEditThatDropsAnImageDropsItsPlaceholderAndLateArrivalsForItAreIgnored() {
        Placeholders both = new Placeholders(Map.of(A.url(), RED, B.url(), BLUE));
        Placeholders kept = both.keptFor(List.of(B));
        assertNull(kept.of(A.url()));
        assertEquals(BLUE, kept.of(B.url()));
        Placeholders arrived = new Placeholders(Map.of()).with(Map.of(A.url(), RED, B.url(), BLUE), List.of(B));
        assertEquals(Map.of(B.url(), BLUE), arrived.byUrl());
    }
}
