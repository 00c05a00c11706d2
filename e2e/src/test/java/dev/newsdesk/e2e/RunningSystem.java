package dev.newsdesk.e2e;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Starts the three packaged services once for the whole e2e run, on free ports and a fresh
 * embedded database, and stops them when the run ends. Test classes share it through
 * {@link #system()} after declaring {@code @ExtendWith(RunningSystem.class)}.
 */
public class RunningSystem implements BeforeAllCallback {

    private static NewsdeskSystem system;
    private static GalleryOrigin galleryOrigin;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (system != null) {
            return;
        }
        Path root = Path.of(System.getProperty("newsdesk.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path work = Files.createDirectories(root.resolve("e2e/target/e2e-run"));
        Path data = Files.createTempDirectory(work, "data-");
        // The gallery CDN's stand-in, started first: the image-service is told to allow it.
        galleryOrigin = new GalleryOrigin();
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .put("gallery-origin", (ExtensionContext.Store.CloseableResource) galleryOrigin::close);
        system = NewsdeskSystem.start(
                root,
                data,
                work.resolve("logs"),
                NewsdeskSystem.freePort(),
                NewsdeskSystem.freePort(),
                NewsdeskSystem.freePort(),
                Map.of("NEWSDESK_IMAGE_ALLOWED_SOURCES", galleryOrigin.base()));
        context.getRoot()
                .getStore(ExtensionContext.Namespace.GLOBAL)
                .put("newsdesk-system", (ExtensionContext.Store.CloseableResource) system::close);
        system.awaitReady(Duration.ofSeconds(240)); // a JVM start on a loaded 2-core machine takes minutes
    }

    public static NewsdeskSystem system() {
        return system;
    }

    /** The local gallery origin the image-service may fetch from (JPEGs sized as their names say). */
    public static GalleryOrigin galleryOrigin() {
        return galleryOrigin;
    }
}
