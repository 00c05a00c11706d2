import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;

/**
 * Hit ratio against cache bytes, to size article-service's caches by measurement: reads of
 * ARTICLES articles drawn from a Zipf distribution (the n-th most read article is read in
 * proportion to 1/n^s), through a Caffeine cache built as the service builds it (bounded by
 * weight, the same weighers), for a range of byte bounds. Entry sizes are drawn from real
 * responses: the files under each directory given (the JSON and the article pages pages.sh saved).
 * Usage: java -cp caffeine.jar CacheSizing.java JSON_DIR PAGES_DIR [articles] [requests]
 */
public class CacheSizing {

    public static void main(String[] args) throws IOException {
        int[] json = sizes(Path.of(args[0]));
        int[] pages = sizes(Path.of(args[1]));
        int articles = args.length > 2 ? Integer.parseInt(args[2]) : 100_000;
        int requests = args.length > 3 ? Integer.parseInt(args[3]) : 3_000_000;
        long[] megabytes = {4, 8, 16, 32, 48, 64, 96, 128, 192, 256};
        // A page's entry holds identity and gzip bytes: gzip of these pages is about a fifth.
        System.out.printf("%d articles, %d reads (the first third warm the cache), sizes from %d JSON and %d pages%n",
                articles, requests, json.length, pages.length);
        System.out.printf("%-8s %-6s %s%n", "cache", "zipf s", "hit ratio: article JSON (json + 200 B) | article page (html x 1.2 + 300 B)");
        for (double s : new double[] {0.8, 1.0}) {
            for (long mb : megabytes) {
                double jsonHits = run(articles, requests, s, mb << 20, json, 1.0, 200);
                double pageHits = run(articles, requests, s, mb << 20, pages, 1.2, 300);
                System.out.printf("%5d MB %6.1f   %5.1f%% | %5.1f%%%n", mb, s, 100 * jsonHits, 100 * pageHits);
            }
        }
    }

    static double run(int articles, int requests, double s, long bound, int[] sample, double factor, int overhead) {
        Random random = new Random(42);
        int[] weight = new int[articles];
        for (int i = 0; i < articles; i++) {
            weight[i] = (int) (sample[random.nextInt(sample.length)] * factor) + overhead;
        }
        double[] cdf = new double[articles];
        double sum = 0;
        for (int rank = 0; rank < articles; rank++) {
            sum += 1 / Math.pow(rank + 1, s);
            cdf[rank] = sum;
        }
        Cache<Integer, Integer> cache = Caffeine.newBuilder()
                .maximumWeight(bound)
                .weigher((Integer id, Integer w) -> w)
                .executor(Runnable::run)
                .build();
        long hits = 0, counted = 0;
        for (int i = 0; i < requests; i++) {
            double u = random.nextDouble() * sum;
            int lo = 0, hi = articles - 1;
            while (lo < hi) {
                int mid = (lo + hi) >>> 1;
                if (cdf[mid] < u) lo = mid + 1; else hi = mid;
            }
            int id = (lo * 7919) % articles; // ranks scattered over ids, as popularity is over time
            boolean hit = cache.getIfPresent(id) != null;
            if (!hit) {
                cache.put(id, weight[id]);
            }
            if (i >= requests / 3) {
                counted++;
                hits += hit ? 1 : 0;
            }
        }
        return (double) hits / counted;
    }

    static int[] sizes(Path dir) throws IOException {
        List<Integer> sizes = new ArrayList<>();
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path f : (Iterable<Path>) files.filter(Files::isRegularFile)::iterator) {
                sizes.add((int) Files.size(f));
            }
        }
        return sizes.stream().mapToInt(Integer::intValue).toArray();
    }
}
