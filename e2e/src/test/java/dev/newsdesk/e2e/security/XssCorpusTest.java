package dev.newsdesk.e2e.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.newsdesk.e2e.NewsdeskSystem;
import dev.newsdesk.e2e.RunningSystem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Predicate;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * An XSS corpus (fixture {@code security/xss-post.md}: script, event handlers, {@code javascript:}
 * in entity, control-character and percent spellings, {@code data:}, {@code srcdoc}, SVG and
 * MathML, forms, {@code <base>}, meta refresh, styles) imported as a Jekyll post, then read
 * everywhere it is published: the API's bodyHtml and blocks, the public page, and the RSS, Atom
 * and JSON feeds. Nothing a browser could run survives anywhere.
 */
@ExtendWith(RunningSystem.class)
class XssCorpusTest {

    @Test
    void nothingExecutableSurvivesImportInAnyPublishedForm() throws Exception {
        NewsdeskSystem system = RunningSystem.system();
        String category = "xss" + UUID.randomUUID().toString().substring(0, 8);
        String post = fixture()
                .replace("__CATEGORY__", category)
                .replace(
                        "__DATE__",
                        OffsetDateTime.now(ZoneOffset.ofHours(8))
                                .minusMinutes(1)
                                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss xx")));
        JsonNode article = Calls.importPost(system, post);
        long id = article.get("id").asLong();
        JsonNode read = Calls.json(
                Calls.get(system.article().baseUrl() + "/api/articles/" + id).body());

        List<String> findings = new ArrayList<>();
        record("API bodyHtml", ExecutableMarkup.inFragment(read.get("bodyHtml").asText()), findings);
        assertTrue(read.get("bodyHtml").asText().contains("结尾段落"), "the harmless text is kept");
        for (JsonNode block : read.get("blocks")) {
            String type = block.get("type").asText();
            if (type.equals("image")) {
                assertTrue(block.get("src").asText().startsWith(system.image().baseUrl() + "/img/"), block.toString());
            } else {
                assertEquals("paragraph", type, block.toString());
                assertTrue(block.get("text").isTextual(), block.toString());
            }
        }
        assertTrue(
                !read.get("summary").asText().contains("<"), read.get("summary").asText());

        HttpResponse<String> page = Calls.get(system.article().baseUrl() + "/articles/"
                + URLEncoder.encode(read.get("slug").asText(), StandardCharsets.UTF_8));
        assertEquals(200, page.statusCode());
        record("page", ExecutableMarkup.inPage(page.body()), findings);

        String feeds = system.feed().baseUrl() + "/feeds/categories/" + category;
        String urn = "urn:newsdesk:article:" + id;
        for (String rss : contents(await(feeds + "/rss.xml", urn).body(), "item", "description", "encoded")) {
            record("RSS", ExecutableMarkup.inFragment(rss), findings);
        }
        for (String atom : contents(await(feeds + "/atom.xml", urn).body(), "entry", "content", "summary")) {
            record("Atom", ExecutableMarkup.inFragment(atom), findings);
        }
        JsonNode json = Calls.json(await(feeds + "/feed.json", urn).body());
        for (JsonNode item : json.get("items")) {
            record(
                    "JSON Feed",
                    ExecutableMarkup.inFragment(item.path("content_html").asText()),
                    findings);
        }
        assertEquals(List.of(), findings);
    }

    private static void record(String where, List<String> found, List<String> all) {
        found.forEach(f -> all.add(where + ": " + f));
    }

    /** The text of every {@code field} element inside each {@code entry} element, namespaces ignored. */
    private static List<String> contents(String xml, String entry, String... fields) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        Document doc =
                factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        List<String> texts = new ArrayList<>();
        NodeList entries = doc.getElementsByTagNameNS("*", entry);
        assertTrue(entries.getLength() > 0, "no " + entry + " in " + xml);
        for (int i = 0; i < entries.getLength(); i++) {
            for (String field : fields) {
                NodeList values = ((Element) entries.item(i)).getElementsByTagNameNS("*", field);
                for (int j = 0; j < values.getLength(); j++) {
                    texts.add(values.item(j).getTextContent());
                }
            }
        }
        assertTrue(!texts.isEmpty(), "no content in " + xml);
        return texts;
    }

    /** The feed once it lists the article: feed-service polls, within the contract's minute. */
    private static HttpResponse<String> await(String url, String urn) throws InterruptedException {
        Predicate<HttpResponse<String>> listed =
                r -> r.statusCode() == 200 && r.body().contains(urn);
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        HttpResponse<String> last = Calls.get(url);
        while (!listed.test(last) && System.nanoTime() < deadline) {
            Thread.sleep(250);
            last = Calls.get(url);
        }
        assertTrue(listed.test(last), url + " never listed " + urn + ": " + last.statusCode());
        return last;
    }

    private static String fixture() {
        try (InputStream in = XssCorpusTest.class.getResourceAsStream("/security/xss-post.md")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
