import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.DoubleFunction;

import javax.imageio.ImageIO;

/**
 * Bytes and SSIM per format, for bench/image/formats.sh. Every output is decoded by an
 * independent decoder (dwebp, avifdec; ImageIO for JPEG) and compared with the lossless
 * reference it was encoded from: the image-service's own {@code f:png} rendering at the same
 * width, so the resize is the same for every encoder and only the encode is measured.
 * <p>
 * SSIM: written here once (Wang et al. 2004): luma (BT.601 weights, 0–255), 11x11 Gaussian
 * window with sigma 1.5, K1 = 0.01, K2 = 0.03, mean over the valid window positions.
 * <p>
 * {@code calibrate DIR Q...}: per set and anchor q, the WebP quality (cwebp, the same libwebp,
 * method 4) and the AVIF quantizer (avifenc, the same libavif, speed 6, 4:2:0, one thread) whose
 * mean SSIM equals the mean SSIM of the service's JPEG at q (files {@code jpeg-q<Q>-<image>.jpg}).
 * {@code measure DIR Q}: the service's JPEG/WebP/AVIF at q against libvips ({@code vips copy
 * ref.png out.webp[Q=..]} / {@code .avif[Q=..]}, default effort) at its own Q that matches the
 * JPEG's SSIM (found by bisection) and at Q itself. Groups: chart-*, photo-*.
 */
public class Formats {

    static Path dir;

    public static void main(String[] args) throws Exception {
        dir = Path.of(args[1]);
        if (args[0].equals("calibrate")) {
            calibrate(Arrays.stream(args, 2, args.length).mapToInt(Integer::parseInt).toArray());
        } else {
            measure(Integer.parseInt(args[2]));
        }
    }

    /** Reference images by group: ref-<image>.png where image is chart-NN-W or photo-NN-W. */
    static Map<String, List<String>> groups() throws IOException {
        Map<String, List<String>> groups = new TreeMap<>();
        try (var files = Files.list(dir)) {
            for (Path p : files.sorted().toList()) {
                String n = p.getFileName().toString();
                if (n.startsWith("ref-")) {
                    String image = n.substring(4, n.length() - 4);
                    groups.computeIfAbsent(image.substring(0, image.indexOf('-')), k -> new ArrayList<>()).add(image);
                }
            }
        }
        return groups;
    }

    /**
     * Per set (chart, photo) and anchor q: the JPEG's mean SSIM and the WebP quality and AVIF
     * quantizer that give the same mean SSIM. The chart rows are the mapping (the sources'
     * galleries are mostly charts); the photo rows show where photographs land with it.
     */
    static void calibrate(int[] anchors) throws Exception {
        System.out.printf("%-6s %-6s %-10s %-14s %-14s%n", "set", "q", "JPEG SSIM", "WebP quality", "AVIF quantizer");
        List<String> sets = List.of(System.getenv().getOrDefault("SETS", "chart photo").split(" "));
        for (Map.Entry<String, List<String>> group : groups().entrySet()) {
            if (!sets.contains(group.getKey())) {
                continue;
            }
            List<String> images = group.getValue();
            for (int q : anchors) {
                double target = meanSsim(images, image -> file("jpeg-q" + q + "-" + image + ".jpg"));
                double webp = solve(0, 100, true, target, x -> meanSsim(images, image -> cwebp(image, x)));
                double avif = solve(0, 63, false, target, x -> meanSsim(images, image -> avifenc(image, (int) Math.round(x))));
                System.out.printf(Locale.ROOT, "%-6s %-6d %-10.4f %-14.1f %-14.1f%n", group.getKey(), q, target, webp, avif);
                System.out.flush();
            }
        }
    }

    static void measure(int q) throws Exception {
        System.out.printf("%-7s %-26s %10s %8s %8s%n", "set", "encoder", "bytes", "x JPEG", "SSIM");
        for (Map.Entry<String, List<String>> group : groups().entrySet()) {
            List<String> images = group.getValue();
            long jpegBytes = bytes(images, i -> file("svc-jpeg-" + i + ".jpg"));
            double jpegSsim = meanSsim(images, i -> file("svc-jpeg-" + i + ".jpg"));
            Map<String, double[]> rows = new LinkedHashMap<>();
            rows.put("image-service JPEG q" + q, new double[] {jpegBytes, jpegSsim});
            rows.put("image-service WebP q" + q, row(images, i -> file("svc-webp-" + i + ".webp")));
            rows.put("image-service AVIF q" + q, row(images, i -> file("svc-avif-" + i + ".avif")));
            rows.put("libvips WebP Q=" + q, row(images, i -> vips(i, "webp", q)));
            rows.put("libvips AVIF Q=" + q, row(images, i -> vips(i, "avif", q)));
            for (String format : new String[] {"webp", "avif"}) {
                double vq = solve(1, 100, true, jpegSsim, x -> meanSsim(images, i -> vips(i, format, (int) Math.round(x))));
                int rounded = (int) Math.round(vq);
                rows.put("libvips " + format.toUpperCase(Locale.ROOT) + " Q=" + rounded + " (iso-SSIM)",
                        row(images, i -> vips(i, format, rounded)));
            }
            for (Map.Entry<String, double[]> r : rows.entrySet()) {
                System.out.printf(Locale.ROOT, "%-7s %-26s %10d %8.2f %8.4f%n", group.getKey(), r.getKey(), (long) r.getValue()[0],
                        r.getValue()[0] / jpegBytes, r.getValue()[1]);
            }
        }
    }

    interface Encoded {
        File of(String image) throws Exception;
    }

    static double[] row(List<String> images, Encoded encoded) {
        return new double[] {bytes(images, encoded), meanSsim(images, encoded)};
    }

    static long bytes(List<String> images, Encoded encoded) {
        long sum = 0;
        for (String i : images) {
            try {
                sum += encoded.of(i).length();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return sum;
    }

    static double meanSsim(List<String> images, Encoded encoded) {
        double sum = 0;
        for (String i : images) {
            try {
                sum += ssim(read(file("ref-" + i + ".png")), read(encoded.of(i)));
            } catch (Exception e) {
                throw new IllegalStateException(i, e);
            }
        }
        return sum / images.size();
    }

    /** The x in [lo, hi] where f(x) = target, f monotone (rising if {@code rising}); bisection to 0.25. */
    static double solve(double lo, double hi, boolean rising, double target, DoubleFunction<Double> f) {
        while (hi - lo > 0.5) {
            double mid = (lo + hi) / 2;
            if ((f.apply(mid) < target) == rising) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return (lo + hi) / 2;
    }

    static File file(String name) {
        return dir.resolve(name).toFile();
    }

    static File cwebp(String image, double quality) throws Exception {
        File out = file("cal-" + image + ".webp");
        run("cwebp", "-quiet", "-m", "4", "-q", String.format(Locale.ROOT, "%.2f", quality), file("ref-" + image + ".png").getPath(), "-o", out.getPath());
        return out;
    }

    static File avifenc(String image, int quantizer) throws Exception {
        File out = file("cal-" + image + ".avif");
        run("avifenc", "-j", "1", "-s", "6", "-y", "420", "-d", "8", "--min", "" + quantizer, "--max", "" + quantizer,
                file("ref-" + image + ".png").getPath(), out.getPath());
        return out;
    }

    static File vips(String image, String format, int q) throws Exception {
        File out = file("vips-" + image + "-q" + q + "." + format);
        if (!out.exists()) {
            run("vips", "copy", file("ref-" + image + ".png").getPath(), out.getPath() + "[Q=" + q + "]");
        }
        return out;
    }

    static BufferedImage read(File f) throws Exception {
        String n = f.getName();
        if (n.endsWith(".webp") || n.endsWith(".avif")) {
            File png = file("decoded.png");
            if (n.endsWith(".webp")) {
                run("dwebp", "-quiet", f.getPath(), "-o", png.getPath());
            } else {
                run("avifdec", "--depth", "8", f.getPath(), png.getPath());
            }
            return ImageIO.read(png);
        }
        return ImageIO.read(f);
    }

    static void run(String... command) throws Exception {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        if (p.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
        }
    }

    static double ssim(BufferedImage a, BufferedImage b) {
        int w = a.getWidth(), h = a.getHeight();
        if (w != b.getWidth() || h != b.getHeight()) {
            throw new IllegalStateException(w + "x" + h + " vs " + b.getWidth() + "x" + b.getHeight());
        }
        double[] x = luma(a), y = luma(b);
        double[] xx = new double[x.length], yy = new double[x.length], xy = new double[x.length];
        for (int i = 0; i < x.length; i++) {
            xx[i] = x[i] * x[i];
            yy[i] = y[i] * y[i];
            xy[i] = x[i] * y[i];
        }
        double[] mx = blur(x, w, h), my = blur(y, w, h), sxx = blur(xx, w, h), syy = blur(yy, w, h), sxy = blur(xy, w, h);
        double c1 = Math.pow(0.01 * 255, 2), c2 = Math.pow(0.03 * 255, 2), sum = 0;
        int n = 0;
        for (int j = 5; j < h - 5; j++) {
            for (int i = 5; i < w - 5; i++) {
                int k = j * w + i;
                double vx = sxx[k] - mx[k] * mx[k], vy = syy[k] - my[k] * my[k], cov = sxy[k] - mx[k] * my[k];
                sum += ((2 * mx[k] * my[k] + c1) * (2 * cov + c2)) / ((mx[k] * mx[k] + my[k] * my[k] + c1) * (vx + vy + c2));
                n++;
            }
        }
        return sum / n;
    }

    static double[] luma(BufferedImage img) {
        int w = img.getWidth(), h = img.getHeight();
        int[] argb = img.getRGB(0, 0, w, h, null, 0, w);
        double[] out = new double[w * h];
        for (int i = 0; i < out.length; i++) {
            int p = argb[i], al = p >>> 24;
            double r = (((p >> 16) & 0xff) * al + 255 * (255 - al)) / 255.0;
            double g = (((p >> 8) & 0xff) * al + 255 * (255 - al)) / 255.0;
            double bl = ((p & 0xff) * al + 255 * (255 - al)) / 255.0;
            out[i] = 0.299 * r + 0.587 * g + 0.114 * bl;
        }
        return out;
    }

    static final double[] KERNEL = gaussian();

    static double[] gaussian() {
        double[] k = new double[11];
        double s = 0;
        for (int i = 0; i < 11; i++) {
            k[i] = Math.exp(-((i - 5) * (i - 5)) / (2 * 1.5 * 1.5));
            s += k[i];
        }
        for (int i = 0; i < 11; i++) {
            k[i] /= s;
        }
        return k;
    }

    /** Separable 11x11 Gaussian; edges clamped (only interior positions are averaged). */
    static double[] blur(double[] in, int w, int h) {
        double[] tmp = new double[in.length], out = new double[in.length];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int t = -5; t <= 5; t++) {
                    s += KERNEL[t + 5] * in[y * w + Math.min(w - 1, Math.max(0, x + t))];
                }
                tmp[y * w + x] = s;
            }
        }
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                double s = 0;
                for (int t = -5; t <= 5; t++) {
                    s += KERNEL[t + 5] * tmp[Math.min(h - 1, Math.max(0, y + t)) * w + x];
                }
                out[y * w + x] = s;
            }
        }
        return out;
    }
}
