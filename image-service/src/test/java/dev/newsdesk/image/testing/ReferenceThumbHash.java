package dev.newsdesk.image.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;

/**
 * The reference ThumbHash implementation, npm {@code thumbhash@0.1.1}, run with Node: installed
 * once per test run into a temporary folder with npm (from the registry or npm's cache). Without
 * node or npm the calling test is skipped, except under CI ({@code CI=true}), where that fails.
 */
public final class ReferenceThumbHash {

    /** What the reference made of one picture: its hash (base64) and the colours its decoder gives back. */
    public record Result(String hash, double[] average, double[] decodedMean) {}

    /** One picture as the reference takes it: RGBA bytes, row by row. */
    public record Picture(int width, int height, byte[] rgba) {}

    private static final String VERSION = "thumbhash@0.1.1";
    private static Path installed;

    private ReferenceThumbHash() {}

    public static List<Result> run(List<Picture> pictures) {
        Path dir = install();
        try {
            List<String> command =
                    new ArrayList<>(List.of("node", dir.resolve("reference.mjs").toString()));
            for (int i = 0; i < pictures.size(); i++) {
                Picture p = pictures.get(i);
                Path raw = Files.write(dir.resolve("picture-" + i + ".rgba"), p.rgba());
                command.add(raw + ":" + p.width() + ":" + p.height());
            }
            String out = exec(command, dir);
            ObjectMapper json = new ObjectMapper();
            List<Result> results = new ArrayList<>();
            for (String line : out.strip().split("\n")) {
                JsonNode node = json.readTree(line);
                results.add(new Result(
                        node.get("hash").asText(), doubles(node.get("average")), doubles(node.get("decodedMean"))));
            }
            assertEquals(pictures.size(), results.size(), "one answer per picture: " + out);
            return results;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static double[] doubles(JsonNode array) {
        double[] values = new double[array.size()];
        for (int i = 0; i < values.length; i++) {
            values[i] = array.get(i).asDouble();
        }
        return values;
    }

    private static synchronized Path install() {
        if (installed != null) {
            return installed;
        }
        for (String tool : List.of("node", "npm")) {
            if (!IndependentDecoders.onPath(tool)) {
                String message = tool + " is not installed (apt-get install nodejs npm)";
                if ("true".equals(System.getenv("CI"))) {
                    fail(message + ": required under CI for the reference ThumbHash");
                }
                Assumptions.abort(message + ": skipping the comparison with the reference ThumbHash");
            }
        }
        try {
            Path dir = Files.createTempDirectory("thumbhash-reference");
            dir.toFile().deleteOnExit();
            Files.writeString(dir.resolve("package.json"), "{\"private\": true, \"type\": \"module\"}");
            try (InputStream script = ReferenceThumbHash.class.getResourceAsStream("/thumbhash/reference.mjs")) {
                Files.write(dir.resolve("reference.mjs"), script.readAllBytes());
            }
            exec(List.of("npm", "install", "--no-audit", "--no-fund", "--loglevel=error", VERSION), dir);
            installed = dir;
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String exec(List<String> command, Path dir) {
        try {
            Process p = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                fail(command.getFirst() + " did not finish in 120 s");
            }
            String text = new String(out, StandardCharsets.UTF_8);
            assertEquals(0, p.exitValue(), String.join(" ", command.subList(0, 2)) + " failed: " + text);
            return text;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
