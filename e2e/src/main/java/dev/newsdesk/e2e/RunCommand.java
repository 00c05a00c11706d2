package dev.newsdesk.e2e;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;

/** What the run commands ({@code -Prun}, {@code -Pcluster}) share: where they run and how Ctrl-C stops them. */
public final class RunCommand {

    private RunCommand() {}

    /** The repository root, as the Maven profile passes it. */
    public static Path root() {
        return Path.of(System.getProperty("newsdesk.root", "."))
                .toAbsolutePath()
                .normalize();
    }

    /** {@code NEWSDESK_DATA_DIR}, else {@code -Dnewsdesk.data}, else {@code ./data}, against the root. */
    public static Path dataDir(Path root) {
        String dataSetting = System.getenv("NEWSDESK_DATA_DIR");
        return root.resolve(dataSetting != null ? dataSetting : System.getProperty("newsdesk.data", "data"))
                .normalize();
    }

    /** Runs {@code stop} when the JVM ends (Ctrl-C); the flag says it has begun, so an exit is not taken for a crash. */
    public static AtomicBoolean stopOnExit(String message, Runnable stop) {
        AtomicBoolean stopping = new AtomicBoolean();
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping.set(true);
                            System.out.println(message);
                            stop.run();
                        },
                        "newsdesk-stop"));
        return stopping;
    }
}
