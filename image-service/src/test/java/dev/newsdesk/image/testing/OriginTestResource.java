package dev.newsdesk.image.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.util.Map;

/** Starts a {@link TestOrigin} with the gallery files for @QuarkusTest and allows it (literal-IP prefix). */
public class OriginTestResource implements QuarkusTestResourceLifecycleManager {

    public static TestOrigin origin;

    @Override
    public Map<String, String> start() {
        origin = new TestOrigin()
                .serve(TestImages.gallery(700, 996))
                .serve(TestImages.gallery(700, 1808))
                .serve("bomb_w30000h30000.png", TestImages.pngHeaderOnly(30000, 30000));
        try {
            return Map.of(
                    "newsdesk.image-allowed-sources",
                    origin.base(),
                    "newsdesk.data-dir",
                    Files.createTempDirectory("image-service-test").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (origin != null) {
            origin.close();
        }
    }
}
