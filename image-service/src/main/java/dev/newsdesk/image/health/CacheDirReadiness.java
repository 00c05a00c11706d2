package dev.newsdesk.image.health;

import dev.newsdesk.image.config.ImageConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready when the disk cache folder exists and takes writes: without it every resize would be redone. */
@Readiness
@ApplicationScoped
public class CacheDirReadiness implements HealthCheck {

    private final Path dir;

    CacheDirReadiness(ImageConfig config) {
        this.dir = Path.of(config.dataDir(), "image-cache");
    }

    @Override
    public HealthCheckResponse call() {
        try {
            Files.createDirectories(dir);
            boolean writable = Files.isWritable(dir);
            return HealthCheckResponse.named("image-cache-dir")
                    .status(writable)
                    .withData("path", dir.toString())
                    .build();
        } catch (IOException e) {
            return HealthCheckResponse.named("image-cache-dir")
                    .down()
                    .withData("error", e.getMessage())
                    .build();
        }
    }
}
