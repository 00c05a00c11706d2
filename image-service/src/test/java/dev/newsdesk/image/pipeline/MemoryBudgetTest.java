package dev.newsdesk.image.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.pipeline.ImageOptions.Format;
import dev.newsdesk.image.testing.TestImages;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {

    @Test
    void concurrentLargeDecodesBeyondTheBudgetAre503AndReservationsComeBack() {
        MemoryBudget budget = new MemoryBudget(120L << 20); // room for 5.2 MP
        MemoryBudget.Reservation first = budget.reserve(3_000_000);
        ProblemException busy = assertThrows(ProblemException.class, () -> budget.reserve(2_500_000));
        assertEquals(503, busy.status());
        assertEquals(2, Integer.parseInt(busy.headers().get("Retry-After")));
        first.close();
        budget.reserve(2_500_000).close();
        assertEquals(1920, budget.available());
    }

    @Test
    void aSourceThatCouldNeverFitIsRefusedAndThePipelineReleasesWhatItReserved() {
        MemoryBudget budget = new MemoryBudget(8L << 20); // about 0.5 MP
        Pipeline pipeline = new Pipeline(50_000_000, Resizer.Kernel.LANCZOS3, Codecs.builtInOnly(), budget);
        ProblemException e = assertThrows(
                ProblemException.class,
                () -> pipeline.render(
                        TestImages.gallery(700, 996).get("baseline_w700h996.jpg"),
                        ImageOptions.parse("w:700"),
                        Format.JPEG));
        assertEquals(422, e.status());
        // a small output lets the decoder subsample (shrink-on-load), which fits the same budget
        pipeline.render(
                TestImages.gallery(700, 996).get("baseline_w700h996.jpg"), ImageOptions.parse("w:100"), Format.JPEG);
        assertEquals(128, budget.available());
    }
}
