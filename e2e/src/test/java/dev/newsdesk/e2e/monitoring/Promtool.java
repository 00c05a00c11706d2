package dev.newsdesk.e2e.monitoring;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * Prometheus' own tools from Debian's {@code prometheus} package: promtool and the server. Where
 * they are missing the tests are skipped with a message, except with {@code CI=true}, where
 * .ci/run has installed them and their absence is a failure.
 */
final class Promtool {

    private Promtool() {}

    static Path binary(String name) {
        for (String dir : List.of("/usr/bin", "/usr/local/bin", "/bin")) {
            Path candidate = Path.of(dir, name);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        String why = name + " is not installed (Debian package prometheus): .ci/run installs it";
        if ("true".equals(System.getenv("CI"))) {
            Assertions.fail(why);
        }
        Assumptions.abort(why);
        return null;
    }

    /** Runs promtool with {@code args} in {@code dir}; returns its exit code and output. */
    static Result run(Path dir, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(binary("promtool").toString());
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command)
                .directory(dir.toFile())
                .redirectErrorStream(true)
                .start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            Assertions.fail("promtool " + String.join(" ", args) + " did not finish within 120 s");
        }
        return new Result(p.exitValue(), out);
    }

    record Result(int exit, String output) {}
}
