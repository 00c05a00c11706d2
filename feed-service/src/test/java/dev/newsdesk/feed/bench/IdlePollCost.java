package dev.newsdesk.feed.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.newsdesk.feed.source.FakeArticleService;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * bench/feed/poll-cost.sh: what one poll with nothing new costs feed-service and article-service,
 * with 1,000 tags (one article each, plus the fixture): the baseline is the poll before issue 11
 * (categories, tags, then the newest page of every feed: home, each category, each tag), measured
 * in the same run against the same fake article-service over loopback HTTP; the change-feed poll
 * is one {@code GET /api/changes} from the current cursor. Prints requests, response bytes and the
 * median wall time of {@code runs} polls each, and the ratios.
 */
public final class IdlePollCost {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    record Cost(int requests, long bytes) {}

    public static void main(String[] args) throws Exception {
        int tags = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 21;
        try (FakeArticleService fake = new FakeArticleService()) {
            for (int i = 0; i < tags; i++) {
                ObjectNode article = JSON.createObjectNode()
                        .put("id", 10_000 + i)
                        .put("slug", "bench-" + i)
                        .put("title", "标签文章 " + i)
                        .put("publishedAt", "2024-01-01T08:00:00+08:00")
                        .put("updatedAt", "2024-01-01T00:00:00Z")
                        .put("version", 1)
                        .put("summary", "s")
                        .put("bodyHtml", "<p>x</p>")
                        .putNull("leadImage")
                        .putNull("source");
                article.set("categories", JSON.createArrayNode().add("bench"));
                article.set("tags", JSON.createArrayNode().add("tag-" + i));
                article.set("images", JSON.createArrayNode());
                fake.add(article);
            }
            String cursor = caughtUp(fake.url());
            long[] listing = new long[runs];
            long[] changes = new long[runs];
            Cost listingCost = null;
            Cost changeCost = null;
            for (int r = 0; r < runs; r++) {
                long t0 = System.nanoTime();
                listingCost = listingPoll(fake.url());
                listing[r] = System.nanoTime() - t0;
                t0 = System.nanoTime();
                changeCost = changePoll(fake.url(), cursor);
                changes[r] = System.nanoTime() - t0;
            }
            double listingMs = median(listing) / 1e6;
            double changeMs = median(changes) / 1e6;
            System.out.printf(
                    "idle poll, %d tags: re-listing every feed %d requests, %d bytes, %.1f ms (median of %d)%n",
                    tags, listingCost.requests(), listingCost.bytes(), listingMs, runs);
            System.out.printf(
                    "idle poll, %d tags: change feed %d request, %d bytes, %.2f ms (median of %d)%n",
                    tags, changeCost.requests(), changeCost.bytes(), changeMs, runs);
            System.out.printf(
                    "ratio change feed / re-listing: requests %.4f, bytes %.5f, time %.4f%n",
                    changeCost.requests() / (double) listingCost.requests(),
                    changeCost.bytes() / (double) listingCost.bytes(),
                    changeMs / listingMs);
        }
    }

    private static String caughtUp(String base) throws Exception {
        JsonNode page = JSON.readTree(get(base + "/api/changes?limit=100000"));
        return page.get("nextCursor").asText();
    }

    private static Cost changePoll(String base, String cursor) throws Exception {
        byte[] body = get(base + "/api/changes?limit=500&since=" + encode(cursor));
        return new Cost(1, body.length);
    }

    private static Cost listingPoll(String base) throws Exception {
        List<String> feeds = new ArrayList<>();
        feeds.add("");
        int requests = 2;
        byte[] categories = get(base + "/api/categories");
        byte[] tags = get(base + "/api/tags");
        long bytes = categories.length + tags.length;
        JSON.readTree(categories)
                .forEach(c -> feeds.add("&category=" + encode(c.get("name").asText())));
        JSON.readTree(tags)
                .forEach(t -> feeds.add("&tag=" + encode(t.get("name").asText())));
        for (String feed : feeds) {
            bytes += get(base + "/api/articles?limit=50" + feed).length;
            requests++;
        }
        return new Cost(requests, bytes);
    }

    private static byte[] get(String url) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofByteArray())
                .body();
    }

    private static String encode(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private static double median(long[] values) {
        long[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
