import dev.newsdesk.image.pipeline.Codecs;
import dev.newsdesk.image.pipeline.ImageInfo;
import dev.newsdesk.image.pipeline.ImageOptions;
import dev.newsdesk.image.pipeline.ImageOptions.Format;
import dev.newsdesk.image.pipeline.Pipeline;
import dev.newsdesk.image.pipeline.Resizer;
import dev.newsdesk.image.pipeline.ThumbHash;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.stream.Stream;
import javax.imageio.ImageIO;

/**
 * What a placeholder costs, in CPU time of this thread (no HTTP, no I/O): per gallery JPEG, the
 * info request's work (decode with shrink-on-load, resize to fit 100x100, average colour,
 * ThumbHash) against the rendition every page asks for anyway (w:580 q80 JPEG), both measured in
 * the same run; and the ThumbHash encode alone on the 100x100 copy. Prints the hash sizes too.
 * Run by placeholders.sh with image-service's jars on the class path: {@code DIR ROUNDS}.
 */
public class Placeholders {

    public static void main(String[] args) throws Exception {
        List<byte[]> files = new ArrayList<>();
        try (Stream<Path> list = Files.list(Path.of(args[0]))) {
            for (Path p : list.sorted().toList()) {
                files.add(Files.readAllBytes(p));
            }
        }
        int rounds = Integer.parseInt(args[1]);
        Pipeline pipeline = new Pipeline(50_000_000, Resizer.Kernel.LANCZOS3, Codecs.load(EnumSet.noneOf(Format.class)));
        ImageOptions rendition = ImageOptions.parse("w:580/q:80/f:jpeg");
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        // the pixels ThumbHash sees: the same 100x100 copy the info request makes
        List<byte[]> small = new ArrayList<>();
        List<int[]> sizes = new ArrayList<>();
        int hashBytes = 0, minBytes = Integer.MAX_VALUE, maxBytes = 0;
        for (byte[] f : files) {
            ImageInfo info = pipeline.info(f);
            int n = Base64.getDecoder().decode(info.thumbhash()).length;
            hashBytes += n;
            minBytes = Math.min(minBytes, n);
            maxBytes = Math.max(maxBytes, n);
            BufferedImage img = ImageIO.read(new ByteArrayInputStream(f));
            double k = Math.min(100.0 / img.getWidth(), 100.0 / img.getHeight());
            int w = Math.max(1, (int) Math.round(img.getWidth() * k)), h = Math.max(1, (int) Math.round(img.getHeight() * k));
            BufferedImage s = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
            s.createGraphics().drawImage(img, 0, 0, w, h, null);
            byte[] rgba = new byte[w * h * 4];
            for (int i = 0, j = 0; i < w * h; i++, j += 4) {
                int c = s.getRGB(i % w, i / w);
                rgba[j] = (byte) (c >> 16);
                rgba[j + 1] = (byte) (c >> 8);
                rgba[j + 2] = (byte) c;
                rgba[j + 3] = (byte) (c >>> 24);
            }
            small.add(rgba);
            sizes.add(new int[] {w, h});
        }
        for (int warm = 0; warm < 3; warm++) { // the JIT's warm-up: three passes of everything
            for (int i = 0; i < files.size(); i++) {
                pipeline.info(files.get(i));
                pipeline.render(files.get(i), rendition, Format.JPEG);
                ThumbHash.encode(sizes.get(i)[0], sizes.get(i)[1], small.get(i));
            }
        }
        long info = 0, render = 0, hash = 0;
        for (int r = 0; r < rounds; r++) {
            for (int i = 0; i < files.size(); i++) {
                long t0 = cpu.getCurrentThreadCpuTime();
                pipeline.info(files.get(i));
                long t1 = cpu.getCurrentThreadCpuTime();
                pipeline.render(files.get(i), rendition, Format.JPEG);
                long t2 = cpu.getCurrentThreadCpuTime();
                ThumbHash.encode(sizes.get(i)[0], sizes.get(i)[1], small.get(i));
                long t3 = cpu.getCurrentThreadCpuTime();
                info += t1 - t0;
                render += t2 - t1;
                hash += t3 - t2;
            }
        }
        double n = (double) rounds * files.size();
        System.out.printf("pictures: %d, rounds: %d%n", files.size(), rounds);
        System.out.printf("thumbhash bytes: %d-%d (mean %.1f; base64 %d-%d chars)%n",
                minBytes, maxBytes, (double) hashBytes / files.size(), 4 * ((minBytes + 2) / 3), 4 * ((maxBytes + 2) / 3));
        System.out.printf("ThumbHash encode alone (100x100 RGBA): %.3f ms CPU per picture%n", hash / n / 1e6);
        System.out.printf("info request (decode, fit 100x100, colour, ThumbHash): %.2f ms CPU per picture%n", info / n / 1e6);
        System.out.printf("rendition w:580 q80 JPEG (baseline, same run): %.2f ms CPU per picture%n", render / n / 1e6);
        System.out.printf("info / rendition: %.2fx%n", (double) info / render);
    }
}
