package dev.newsdesk.e2e.pages;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The checkers PagesInBrowserTest relies on do fail: a page with an image without alt text is
 * an error for the Nu HTML Checker and a critical violation for axe-core in Chromium. Without
 * this, "0 errors" could mean "nothing was checked".
 */
class CheckersCatchBrokenPagesTest {

    private static final String BROKEN =
            "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>坏页面</title>"
                    + "</head><body><main><h1>坏页面</h1><img src=\"data:image/gif;base64,R0lGODlhAQABAAAAACw=\" width=\"1\" height=\"1\">"
                    + "</main></body></html>";

    @Test
    void nuCheckerReportsAMissingAlt() throws Exception {
        List<String> errors = HtmlChecker.errors("http://localhost/broken", BROKEN);
        assertTrue(errors.stream().anyMatch(e -> e.contains("alt")), errors.toString());
    }

    @Test
    void axeReportsAMissingAltInChromium() {
        try (Browser browser = Browser.start()) {
            browser.open("data:text/html;charset=utf-8,"
                    + URLEncoder.encode(BROKEN, StandardCharsets.UTF_8).replace("+", "%20"));
            List<Rule> violations = new AxeBuilder().analyze(browser.driver()).getViolations();
            assertTrue(
                    violations.stream()
                            .anyMatch(r -> r.getId().equals("image-alt") && "critical".equals(r.getImpact())),
                    violations.stream().map(Rule::getId).toList().toString());
        }
    }

    @Test
    void chromiumReportsAContentSecurityPolicyViolationAsAConsoleError() {
        // The pages' own policy, delivered in a meta element: a style attribute breaks it.
        String page = "<!DOCTYPE html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
                + "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'\"><title>策略</title>"
                + "</head><body><p style=\"color:red\">内联样式</p></body></html>";
        try (Browser browser = Browser.start()) {
            browser.open("data:text/html;charset=utf-8,"
                    + URLEncoder.encode(page, StandardCharsets.UTF_8).replace("+", "%20"));
            List<String> errors = browser.consoleErrors();
            assertTrue(errors.stream().anyMatch(e -> e.contains("Content Security Policy")), errors.toString());
        }
    }
}
