package dev.newsdesk.e2e.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import dev.newsdesk.e2e.BoundedHttpClient;
import dev.newsdesk.e2e.GalleryOrigin;
import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.ServiceProcess;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The public pages as readers get them: imported posts with gallery images from a local origin,
 * shown through the image-service, opened in headless Chromium at a phone's and a desktop's
 * width. Each page must fit the width, decode every image without moving anything, log no
 * console error, pass axe-core without a serious or critical violation and the Nu HTML Checker
 * without an error. Screenshots go to e2e/target/screenshots for a person to look at.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PagesInBrowserTest {

    static final Path SCREENSHOTS =
            Path.of(System.getProperty("newsdesk.root", "..")).resolve("e2e/target/screenshots");
    private static final HttpClient HTTP = BoundedHttpClient.create();
    private static final String SECTION = "liulan";
    private static final String SECTION_NAME = "浏览器新闻";
    private static final String SEARCH_WORD = "港口吞吐";

    private Browser browser;
    private GalleryOrigin origin;
    private NewsdeskSystem system;
    private final Map<String, String> pages = new LinkedHashMap<>();

    record Viewport(String name, int width, int height) {
        @Override
        public String toString() {
            return name;
        }
    }

    static List<Viewport> viewports() {
        return List.of(new Viewport("phone", 390, 844), new Viewport("desktop", 1280, 900));
    }

    @BeforeAll
    void importPostsAndStartChromium() throws Exception {
        // A system of its own: the home and search pages show every article in the catalogue, and
        // other suites import posts whose gallery is on the real CDN, which no test here can reach.
        // Every image on these pages must come from this test's own origin.
        origin = new GalleryOrigin();
        Path root = Path.of(System.getProperty("newsdesk.root", ".."))
                .toAbsolutePath()
                .normalize();
        Path work = Files.createDirectories(root.resolve("e2e/target/pages-in-browser"));
        system = NewsdeskSystem.start(
                root,
                Files.createTempDirectory(work, "data-"),
                work.resolve("logs"),
                NewsdeskSystem.freePort(),
                NewsdeskSystem.freePort(),
                NewsdeskSystem.freePort(),
                Map.of("NEWSDESK_IMAGE_ALLOWED_SOURCES", origin.base()));
        system.awaitReady(Duration.ofSeconds(90));
        browser = Browser.start();
        String article = null;
        for (int i = 1; i <= 4; i++) {
            String slug = importPost(system.article(), post(i, origin));
            article = i == 4 ? slug : article;
        }
        ServiceProcess a = system.article();
        pages.put("home", a.url("/").toString());
        pages.put("section", a.url("/categories/" + SECTION).toString());
        pages.put(
                "search",
                a.url("/search?q=" + URLEncoder.encode(SEARCH_WORD, StandardCharsets.UTF_8))
                        .toString());
        pages.put("article", a.url("/articles/" + article).toString());
    }

    @AfterAll
    void stopChromiumAndTheSystem() {
        if (browser != null) {
            browser.close();
        }
        if (system != null) {
            system.close();
        }
        if (origin != null) {
            origin.close();
        }
    }

    private static String post(int n, GalleryOrigin origin) {
        return """
                ---
                layout: post
                title: "第%d篇：沿海港口吞吐量稳步回升，外贸航线恢复明显"
                date: 2024-03-%02d 09:30:00 +0800
                categories: %s
                tags: 物流观察
                ---
                <p>多家港口发布的数据显示，%d月份集装箱%s量稳步回升，外贸航线恢复明显，业内人士认为航运市场正在走出低谷。</p>
                 <p>业内人士表示，随着航运价格趋稳，港口作业效率有望继续提高，内陆物流通道建设也在加快推进。</p>
                 <p align="center">部分港口数据如下：</p><center><img src="%s" width="580" style="border:1px solid;" /></center><center><img src="%s" width="580" /></center><p class="em_media">（文章来源：浏览器日报）</p>

                <http://news.example.com/share/browser-%d>

                [返回%s](//news.example.com/category/%s.html)｜[返回首页](//news.example.com/)
                """.formatted(
                        n,
                        n,
                        SECTION,
                        n,
                        SEARCH_WORD,
                        origin.url("BROWSER" + n + "A_w700h996.jpg"),
                        origin.url("BROWSER" + n + "B_w1600h900.jpg"),
                        n,
                        SECTION_NAME,
                        SECTION);
    }

    private static String importPost(ServiceProcess article, String markdown) throws Exception {
        HttpResponse<String> r = HTTP.send(
                HttpRequest.newBuilder(article.url("/api/import"))
                        .header("Authorization", "Bearer " + NewsdeskSystem.API_TOKEN)
                        .header("Content-Type", "text/markdown")
                        .POST(HttpRequest.BodyPublishers.ofString(markdown, StandardCharsets.UTF_8))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertTrue(r.statusCode() == 201 || r.statusCode() == 200, r.body());
        return r.body().replaceAll("(?s).*\"slug\"\\s*:\\s*\"([^\"]+)\".*", "$1");
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("viewports")
    void pagesReadWellInChromium(Viewport viewport) throws Exception {
        browser.viewport(viewport.width(), viewport.height());
        List<String> problems = new ArrayList<>();
        for (var page : pages.entrySet()) {
            problems.addAll(check(page.getKey(), page.getValue(), viewport));
        }
        assertEquals(List.of(), problems);
    }

    private List<String> check(String name, String url, Viewport viewport) throws Exception {
        List<String> problems = new ArrayList<>();
        String where = name + " @" + viewport.name() + ": ";
        browser.consoleErrors(); // drain what came before this page
        browser.open(url);
        List<Map<String, Object>> before = browser.script(PageScripts.IMAGE_BOXES);
        if (before.isEmpty()) {
            problems.add(where + "no images on the page");
        }
        int images = before.size();
        for (int i = 0; i < images; i++) {
            browser.script(PageScripts.SCROLL_TO_IMAGE, i);
            int index = i;
            try {
                new WebDriverWait(browser.driver(), Duration.ofSeconds(20))
                        .until(d -> Boolean.TRUE.equals(browser.script(PageScripts.IMAGE_DECODED, index)));
            } catch (TimeoutException e) {
                // Name the picture that never arrived rather than fail on the wait itself.
                problems.add(where + "image not decoded within 20 s: "
                        + browser.script("return document.images[arguments[0]].currentSrc;", index));
            }
        }
        List<Map<String, Object>> after = browser.script(PageScripts.IMAGE_BOXES);
        for (int i = 0; i < images; i++) {
            if (((Number) after.get(i).get("naturalWidth")).intValue() <= 0) {
                problems.add(where + "image not decoded: " + after.get(i).get("src"));
            }
            if (!sameSize(before.get(i), after.get(i))) {
                problems.add(where + "image box changed on load: " + before.get(i) + " -> " + after.get(i));
            }
        }
        List<Map<String, Object>> shifts = browser.asyncScript(PageScripts.LAYOUT_SHIFTS);
        for (Map<String, Object> shift : shifts) {
            if (String.valueOf(shift.get("nodes")).contains("IMG")) {
                problems.add(where + "layout shift from an image: " + shift);
            }
        }
        browser.script("window.scrollTo(0, 0);");
        Map<String, Object> width = browser.script(PageScripts.WIDTHS);
        if (((Number) width.get("scrollWidth")).intValue() > ((Number) width.get("innerWidth")).intValue()) {
            problems.add(where + "scrolls sideways: " + width);
        }
        browser.consoleErrors().forEach(e -> problems.add(where + "console error: " + e));
        for (Rule rule : new AxeBuilder().analyze(browser.driver()).getViolations()) {
            if ("serious".equals(rule.getImpact()) || "critical".equals(rule.getImpact())) {
                problems.add(where + "axe " + rule.getImpact() + " " + rule.getId() + ": " + rule.getHelp() + " ("
                        + rule.getNodes().size() + " nodes)");
            }
        }
        String html = HTTP.send(
                        HttpRequest.newBuilder(URI.create(url))
                                .header("Accept", "text/html")
                                .build(),
                        HttpResponse.BodyHandlers.ofString())
                .body();
        HtmlChecker.errors(url, html).forEach(e -> problems.add(where + "Nu: " + e));
        browser.screenshot(SCREENSHOTS, name + "-" + viewport.name());
        Map<String, Object> weight = new LinkedHashMap<>(browser.script(PageScripts.PAGE_WEIGHT));
        weight.put("imageBytes", imageBytes(after)); // cross-origin: Resource Timing hides their size
        Files.writeString(SCREENSHOTS.resolve(name + "-" + viewport.name() + "-weight.txt"), weight + "\n");
        System.out.println("page weight " + name + " @" + viewport.name() + ": " + weight);
        return problems;
    }

    /** The bytes of the images the browser chose (currentSrc), fetched again as Chromium asks for them. */
    private static long imageBytes(List<Map<String, Object>> images) throws Exception {
        long total = 0;
        for (Map<String, Object> image : images) {
            total += HTTP.send(
                            HttpRequest.newBuilder(URI.create((String) image.get("src")))
                                    .header("Accept", "image/avif,image/webp,image/apng,image/*,*/*;q=0.8")
                                    .build(),
                            HttpResponse.BodyHandlers.ofByteArray())
                    .body()
                    .length;
        }
        return total;
    }

    private static boolean sameSize(Map<String, Object> a, Map<String, Object> b) {
        return Math.abs(((Number) a.get("width")).doubleValue() - ((Number) b.get("width")).doubleValue()) < 1
                && Math.abs(((Number) a.get("height")).doubleValue() - ((Number) b.get("height")).doubleValue()) < 1;
    }
}
