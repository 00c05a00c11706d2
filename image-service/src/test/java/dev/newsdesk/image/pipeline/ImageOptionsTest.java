package dev.newsdesk.image.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.newsdesk.http.ProblemException;
import dev.newsdesk.image.pipeline.ImageOptions.Fit;
import dev.newsdesk.image.pipeline.ImageOptions.Format;
import org.junit.jupiter.api.Test;

class ImageOptionsTest {

    @Test
    void parsesEveryOptionInAnyOrder() {
        ImageOptions a = ImageOptions.parse("w:720/h:400/fit:cover/dpr:2/q:70/f:webp");
        ImageOptions b = ImageOptions.parse("f:webp/q:70/dpr:2/fit:cover/h:400/w:720");
        assertEquals(a, b);
        assertEquals(new ImageOptions(720, 400, Fit.COVER, 2, 70, Format.WEBP), a);
        assertEquals(1440, a.targetWidth());
    }

    @Test
    void everythingIsOptional() {
        assertEquals(ImageOptions.defaults(), ImageOptions.parse(""));
        assertEquals(new ImageOptions(720, 0, Fit.CONTAIN, 1, 80, Format.AUTO), ImageOptions.parse("w:720/f:auto"));
        assertEquals(0, ImageOptions.parse("w:0/h:0").width());
        assertEquals(1.5, ImageOptions.parse("dpr:1.5").dpr());
    }

    @Test
    void refusesValuesOutOfRangeAndUnknownOrRepeatedKeys() {
        for (String bad : new String[] {
            "w:-1",
            "w:4097",
            "w:abc",
            "h:1e3",
            "q:0",
            "q:101",
            "dpr:0",
            "dpr:5",
            "fit:fill",
            "f:gif",
            "x:1",
            "w:10/w:20",
            "w",
            "w:2048/dpr:3",
            "w:+5"
        }) {
            ProblemException e = assertThrows(ProblemException.class, () -> ImageOptions.parse(bad), bad);
            assertEquals(400, e.status(), bad);
        }
    }
}
