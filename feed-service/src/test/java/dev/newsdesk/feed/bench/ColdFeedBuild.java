package dev.newsdesk.feed.bench;

import dev.newsdesk.feed.cache.BuiltFeed;
import dev.newsdesk.feed.cache.FeedBuilder;
import dev.newsdesk.feed.cache.FeedLinks;
import dev.newsdesk.feed.model.FeedItem;
import dev.newsdesk.feed.model.FeedKey;
import dev.newsdesk.feed.render.FeedFormat;
import dev.newsdesk.feed.source.Article;
import dev.newsdesk.feed.source.ItemMapping;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The time to build a 50-item feed from nothing: 50 articles as article-service sends them
 * mapped to items (URLs made absolute with jsoup) and rendered to RSS, Atom and JSON Feed, with
 * no cached item or document. The first build of the JVM is reported on its own (class loading,
 * interpreter); then the median of {@code runs} further builds, each from new objects.
 *
 * <p>Run by {@code bench/feed/run.sh}: {@code java -cp ... dev.newsdesk.feed.bench.ColdFeedBuild [runs]}.
 */
public final class ColdFeedBuild {

    private ColdFeedBuild() {}

    public static void main(String[] args) {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 21;
        long first = buildOnceNanos();
        long[] times = new long[runs];
        for (int i = 0; i < runs; i++) {
            times[i] = buildOnceNanos();
        }
        Arrays.sort(times);
        System.out.printf(
                "cold-build items=50 first_jvm_ms=%.1f median_ms=%.2f min_ms=%.2f max_ms=%.2f runs=%d%n",
                first / 1e6, times[runs / 2] / 1e6, times[0] / 1e6, times[runs - 1] / 1e6, runs);
    }

    /** One complete build of a 50-item feed in all formats; returns its duration in nanoseconds. */
    public static long buildOnceNanos() {
        List<Article> articles = articles(50);
        long start = System.nanoTime();
        BuiltFeed feed = build(articles);
        long elapsed = System.nanoTime() - start;
        if (feed.page(FeedFormat.RSS, 1).bytes().length < 50_000) {
            throw new IllegalStateException("the feed is smaller than 50 full articles");
        }
        return elapsed;
    }

    /** What is timed: the articles mapped to items and rendered in every format, all from new objects. */
    static BuiltFeed build(List<Article> articles) {
        ItemMapping mapping = new ItemMapping("https://news.example", "https://img.example");
        List<FeedItem> items = new ArrayList<>(articles.size());
        for (Article article : articles) {
            items.add(mapping.item(article));
        }
        FeedBuilder builder =
                new FeedBuilder(new FeedLinks("https://news.example", "https://news.example", null, "newsdesk"), 50, 1);
        BuiltFeed feed = builder.build(FeedKey.HOME, "bench", items, null);
        for (FeedFormat format : FeedFormat.values()) {
            feed.page(format, 1); // the service renders each document when it is first asked for
        }
        return feed;
    }

    /** Articles shaped like the imported Chinese news posts: paragraphs, a gallery, signed image URLs. */
    static List<Article> articles(int count) {
        List<Article> articles = new ArrayList<>(count);
        OffsetDateTime start = OffsetDateTime.parse("2024-03-05T09:30:00+08:00");
        for (int i = 1; i <= count; i++) {
            StringBuilder body = new StringBuilder();
            for (int p = 0; p < 6; p++) {
                body.append("<p>第")
                        .append(p + 1)
                        .append("段：区块链试点扩大到十个城市，金融科技企业 & 银行参与，监管沙盒 <b>持续</b> 推进。")
                        .append("This paragraph mixes scripts so that escaping has work to do.</p>");
            }
            for (int g = 0; g < 3; g++) {
                body.append("<p><img src=\"/img/unsafe/w:700/aHR0cHM6Ly9kZnNjZG4uZGZjZncuY29tL2Rvd25sb2FkL0Q")
                        .append(i)
                        .append(g)
                        .append("\" srcset=\"/img/unsafe/w:350/x")
                        .append(g)
                        .append(" 350w, /img/unsafe/w:700/x")
                        .append(g)
                        .append(" 700w\" width=\"700\" height=\"996\" loading=\"lazy\"></p>");
            }
            Article.Image gallery = new Article.Image(
                    "https://dfscdn.dfcfw.com/download/D2500000000000000" + i + "_w700h996.jpg", 700, 996);
            Article.LeadImage lead = new Article.LeadImage(gallery.url(), 700, 996, "/img/unsafe/w:700/f:jpeg/x" + i);
            articles.add(new Article(
                    i,
                    "article-" + i,
                    "示例：区块链试点扩大到十个城市 & <更多> " + i,
                    start.minusHours(i).toString(),
                    start.minusHours(i).toString(),
                    List.of("区块链"),
                    List.of("金融科技"),
                    new Article.Source("示例财经", "http://example.com/" + i),
                    "区块链试点扩大到十个城市的摘要。",
                    body.toString(),
                    List.of(gallery),
                    lead,
                    1L));
        }
        return articles;
    }
}
