package dev.newsdesk.image.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import dev.newsdesk.http.Prerequisite;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;

/**
 * Decodes WebP and AVIF with decoders nobody here wrote: {@code dwebp} (Debian {@code webp}) and
 * {@code avifdec} (Debian {@code libavif-bin}), each to PNG, read back with ImageIO. When a tool
 * is missing the calling test is skipped with a message, except under CI ({@code CI=true}),
 * where a missing decoder is a failure: {@code .ci/run} installs both.
 */
public final class IndependentDecoders {

    private IndependentDecoders() {}

    public static BufferedImage webp(byte[] bytes) {
        return decode(
                "dwebp", bytes, ".webp", (in, out) -> List.of("dwebp", "-quiet", in.toString(), "-o", out.toString()));
    }

    public static BufferedImage avif(byte[] bytes) {
        return decode(
                "avifdec",
                bytes,
                ".avif",
                (in, out) -> List.of("avifdec", "--depth", "8", in.toString(), out.toString()));
    }

    /** Skips (or under CI fails) the current test when {@code tool} is not on the PATH. */
    public static void require(String tool) {
        Prerequisite.require(
                onPath(tool),
                tool + " is not installed (apt-get install " + (tool.equals("dwebp") ? "webp" : "libavif-bin")
                        + "): no independent decode");
    }

    private interface Command {
        List<String> of(Path in, Path out);
    }

    private static BufferedImage decode(String tool, byte[] bytes, String suffix, Command command) {
        require(tool);
        try {
            Path dir = Files.createTempDirectory("decode");
            try {
                Path in = dir.resolve("in" + suffix), out = dir.resolve("out.png");
                Files.write(in, bytes);
                Process p = new ProcessBuilder(command.of(in, out))
                        .redirectErrorStream(true)
                        .start();
                String log = new String(p.getInputStream().readAllBytes());
                if (!p.waitFor(60, TimeUnit.SECONDS)) {
                    p.destroyForcibly();
                    fail(tool + " did not finish");
                }
                assertEquals(0, p.exitValue(), tool + " rejected the output: " + log);
                return ImageIO.read(out.toFile());
            } finally {
                try (var files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(dir);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code tool} is an executable on the PATH. */
    public static boolean onPath(String tool) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(":")) {
            if (!dir.isEmpty() && Files.isExecutable(Path.of(dir, tool))) {
                return true;
            }
        }
        return false;
    }

    /** Mean absolute difference per channel (0–255) between two same-size images, alpha composited on white. */
    public static double meanDifference(BufferedImage a, BufferedImage b) {
        assertEquals(a.getWidth(), b.getWidth(), "width");
        assertEquals(a.getHeight(), b.getHeight(), "height");
        long sum = 0;
        for (int y = 0; y < a.getHeight(); y++) {
            for (int x = 0; x < a.getWidth(); x++) {
                int p = onWhite(a.getRGB(x, y)), q = onWhite(b.getRGB(x, y));
                for (int s = 0; s < 24; s += 8) {
                    sum += Math.abs(((p >> s) & 0xff) - ((q >> s) & 0xff));
                }
            }
        }
        return sum / (3.0 * a.getWidth() * a.getHeight());
    }

    private static int onWhite(int argb) {
        int a = argb >>> 24, out = 0;
        for (int s = 0; s < 24; s += 8) {
            out |= ((((argb >> s) & 0xff) * a + 255 * (255 - a)) / 255) << s;
        }
        return out;
    }
}
