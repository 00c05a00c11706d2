package dev.newsdesk.feed.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;
import io.restassured.path.json.JsonPath;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXParseException;

/**
 * Every feed document is read by two independent parsers: Rome (a feed library) and, for XML, the
 * JDK's strict namespace-aware DOM parser with the required elements of each format checked by
 * hand; for JSON Feed, Jackson and rest-assured's Groovy-based JsonPath. Both must agree.
 */
public final class FeedParsers {

    public static final String ATOM = "http://www.w3.org/2005/Atom";
    public static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    public static final String MEDIA = "http://search.yahoo.com/mrss/";
    public static final String DC = "http://purl.org/dc/elements/1.1/";

    /** RFC 822 date-time with a four-digit year and a numeric zone, as RSS 2.0 requires. */
    public static final Pattern RFC_822 = Pattern.compile(
            "(Mon|Tue|Wed|Thu|Fri|Sat|Sun), \\d{2} (Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \\d{4} \\d{2}:\\d{2}:\\d{2} [+-]\\d{4}");
    /** RFC 3339 date-time with a zone (section 5.6). */
    public static final Pattern RFC_3339 =
            Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d+)?(Z|[+-]\\d{2}:\\d{2})");

    public static final Pattern GUID = Pattern.compile("urn:newsdesk:article:\\d+");

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern HTML_URL = Pattern.compile("(?:src|href)=\"([^\"]*)\"|srcset=\"([^\"]*)\"");

    private FeedParsers() {}

    /** What both parsers agreed on, for further checks. */
    public record Parsed(SyndFeed rome, Document dom, List<String> titles) {}

    public static Parsed rss(byte[] bytes) {
        SyndFeed rome = rome(bytes);
        assertEquals("rss_2.0", rome.getFeedType());
        Document dom = strict(bytes);
        Element rss = dom.getDocumentElement();
        assertEquals("rss", rss.getLocalName());
        assertEquals("2.0", rss.getAttribute("version"));
        Element channel = only(rss, null, "channel");
        for (String required : new String[] {"title", "link", "description"}) {
            assertNotNull(text(channel, null, required), "channel/" + required);
        }
        assertAbsolute(text(channel, null, "link"));
        assertTrue(
                RFC_822.matcher(text(channel, null, "lastBuildDate")).matches(), text(channel, null, "lastBuildDate"));
        assertAbsolute(atomLink(channel, "self"));
        List<String> titles = new ArrayList<>();
        NodeList items = channel.getElementsByTagNameNS("*", "item");
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            titles.add(text(item, null, "title"));
            assertAbsolute(text(item, null, "link"));
            Element guid = only(item, null, "guid");
            assertEquals("false", guid.getAttribute("isPermaLink"));
            assertTrue(GUID.matcher(guid.getTextContent()).matches(), guid.getTextContent());
            assertTrue(RFC_822.matcher(text(item, null, "pubDate")).matches(), text(item, null, "pubDate"));
            String content = text(item, CONTENT, "encoded");
            if (content != null) {
                assertHtmlUrlsAbsolute(content);
            }
            NodeList media = item.getElementsByTagNameNS(MEDIA, "content");
            for (int m = 0; m < media.getLength(); m++) {
                Element image = (Element) media.item(m);
                assertAbsolute(image.getAttribute("url"));
                assertTrue(image.getAttribute("type").startsWith("image/"));
            }
        }
        assertEquals(
                titles,
                rome.getEntries().stream().map(SyndEntry::getTitle).toList(),
                "Rome and DOM agree on the items");
        return new Parsed(rome, dom, titles);
    }

    public static Parsed atom(byte[] bytes) {
        SyndFeed rome = rome(bytes);
        assertEquals("atom_1.0", rome.getFeedType());
        Document dom = strict(bytes);
        Element feed = dom.getDocumentElement();
        assertEquals(ATOM, feed.getNamespaceURI());
        assertEquals("feed", feed.getLocalName());
        assertNotNull(text(feed, ATOM, "id"));
        assertNotNull(text(feed, ATOM, "title"));
        assertTrue(RFC_3339.matcher(text(feed, ATOM, "updated")).matches());
        assertAbsolute(link(feed, "self"));
        assertAbsolute(link(feed, "alternate"));
        List<String> titles = new ArrayList<>();
        NodeList entries = feed.getElementsByTagNameNS(ATOM, "entry");
        for (int i = 0; i < entries.getLength(); i++) {
            Element entry = (Element) entries.item(i);
            titles.add(text(entry, ATOM, "title"));
            assertTrue(GUID.matcher(text(entry, ATOM, "id")).matches());
            assertTrue(RFC_3339.matcher(text(entry, ATOM, "published")).matches(), text(entry, ATOM, "published"));
            assertTrue(RFC_3339.matcher(text(entry, ATOM, "updated")).matches());
            assertAbsolute(link(entry, "alternate"));
            Element content = only(entry, ATOM, "content");
            assertEquals("html", content.getAttribute("type"));
            assertHtmlUrlsAbsolute(content.getTextContent());
        }
        assertEquals(
                titles,
                rome.getEntries().stream().map(SyndEntry::getTitle).toList(),
                "Rome and DOM agree on the entries");
        return new Parsed(rome, dom, titles);
    }

    /** Jackson and JsonPath must read the same document; returns Jackson's tree. */
    public static JsonNode json(byte[] bytes) {
        JsonNode tree;
        try {
            tree = JSON.readTree(bytes);
        } catch (IOException e) {
            throw new AssertionError("Not JSON", e);
        }
        JsonPath path = new JsonPath(new String(bytes, StandardCharsets.UTF_8));
        assertEquals("https://jsonfeed.org/version/1.1", tree.get("version").asText());
        assertEquals(tree.get("title").asText(), path.getString("title"));
        assertAbsolute(tree.get("feed_url").asText());
        assertAbsolute(tree.get("home_page_url").asText());
        List<String> titles = new ArrayList<>();
        for (JsonNode item : tree.get("items")) {
            titles.add(item.get("title").asText());
            assertTrue(GUID.matcher(item.get("id").asText()).matches());
            assertAbsolute(item.get("url").asText());
            assertTrue(RFC_3339.matcher(item.get("date_published").asText()).matches());
            assertTrue(RFC_3339.matcher(item.get("date_modified").asText()).matches());
            if (item.has("content_html")) {
                assertHtmlUrlsAbsolute(item.get("content_html").asText());
            }
            if (item.has("image")) {
                assertAbsolute(item.get("image").asText());
            }
        }
        assertEquals(titles, path.getList("items.title", String.class), "Jackson and JsonPath agree on the items");
        return tree;
    }

    public static SyndFeed rome(byte[] bytes) {
        try {
            return new SyndFeedInput().build(new XmlReader(new ByteArrayInputStream(bytes)));
        } catch (Exception e) {
            throw new AssertionError("Rome rejects the feed", e);
        }
    }

    /** The JDK's parser, namespace-aware, no DTDs, every warning and error fatal. */
    public static Document strict(byte[] bytes) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new ErrorHandler() {
                @Override
                public void warning(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void error(SAXParseException e) throws SAXParseException {
                    throw e;
                }

                @Override
                public void fatalError(SAXParseException e) throws SAXParseException {
                    throw e;
                }
            });
            return builder.parse(new ByteArrayInputStream(bytes));
        } catch (Exception e) {
            throw new AssertionError("The strict XML parser rejects the feed", e);
        }
    }

    /** The href of the {@code atom:link} child with {@code rel}, or null. */
    public static String atomLink(Element parent, String rel) {
        NodeList links = parent.getElementsByTagNameNS(ATOM, "link");
        for (int i = 0; i < links.getLength(); i++) {
            Element link = (Element) links.item(i);
            if (link.getParentNode() == parent && rel.equals(link.getAttribute("rel"))) {
                return link.getAttribute("href");
            }
        }
        return null;
    }

    /** The href of the Atom {@code link} child with {@code rel}, or null. */
    public static String link(Element parent, String rel) {
        return atomLink(parent, rel);
    }

    /** The text of the only direct child {@code name} in {@code namespace} (null: none), or null. */
    public static String text(Element parent, String namespace, String name) {
        Element child = optional(parent, namespace, name);
        return child == null ? null : child.getTextContent();
    }

    private static Element only(Element parent, String namespace, String name) {
        Element child = optional(parent, namespace, name);
        assertNotNull(child, parent.getLocalName() + "/" + name);
        return child;
    }

    private static Element optional(Element parent, String namespace, String name) {
        Element found = null;
        for (var node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
            if (node instanceof Element e
                    && name.equals(e.getLocalName())
                    && Objects.equals(namespace, e.getNamespaceURI())) {
                assertTrue(found == null, "one " + name + " in " + parent.getLocalName());
                found = e;
            }
        }
        return found;
    }

    public static void assertAbsolute(String url) {
        assertNotNull(url);
        assertTrue(url.startsWith("http://") || url.startsWith("https://"), "absolute: " + url);
    }

    public static void assertHtmlUrlsAbsolute(String html) {
        Matcher m = HTML_URL.matcher(html);
        while (m.find()) {
            if (m.group(1) != null) {
                assertAbsolute(m.group(1).replace("&amp;", "&"));
            } else {
                for (String candidate : m.group(2).split(",")) {
                    assertAbsolute(candidate.trim().split(" ")[0]);
                }
            }
        }
        assertFalse(html.contains("src=\"/"), html);
    }
}
