package dev.newsdesk.e2e.cluster;

import dev.newsdesk.e2e.GalleryOrigin;
import dev.newsdesk.e2e.NewsdeskSystem;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One local cluster (two replicas of each service, nginx, embedded PostgreSQL) for all the
 * cluster tests of a run, started on first use and stopped when the run ends; the image-service
 * replicas may fetch from a local {@link GalleryOrigin}.
 */
public class RunningCluster implements BeforeAllCallback {

    private static NewsdeskCluster cluster;
    private static GalleryOrigin galleryOrigin;

    @Override
    public synchronized void beforeAll(ExtensionContext context) throws Exception {
        if (cluster != null) {
            return;
        }
        Path root = Path.of(System.getProperty("newsdesk.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path work = Files.createDirectories(root.resolve("e2e/target/cluster-run"));
        galleryOrigin = new GalleryOrigin();
        ExtensionContext.Store store = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL);
        store.put("cluster-gallery-origin", (ExtensionContext.Store.CloseableResource) galleryOrigin::close);
        cluster = NewsdeskCluster.start(
                root,
                // nginx's workers (nobody, under root) write request bodies below it
                Files.createTempDirectory(
                        work,
                        "data-",
                        PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x"))),
                NewsdeskSystem.freePort(),
                2,
                Map.of("NEWSDESK_IMAGE_ALLOWED_SOURCES", galleryOrigin.base()));
        store.put("newsdesk-cluster", (ExtensionContext.Store.CloseableResource) cluster::close);
        Map<String, Duration> ready = cluster.awaitReady(Duration.ofSeconds(180));
        System.out.println("cluster ready: " + ready);
    }

    public static NewsdeskCluster cluster() {
        return cluster;
    }

    public static GalleryOrigin galleryOrigin() {
        return galleryOrigin;
    }
}
