package dev.newsdesk.article.pages;

import dev.newsdesk.article.store.SitemapStore;
import java.io.StringWriter;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The sitemaps as XML, written with the JDK's StAX writer (escaping is its job): the index
 * (sitemaps.org {@code sitemapindex}), its pages ({@code urlset}) and the Google News sitemap.
 * Dates are W3C datetime with seconds, as the protocol asks.
 */
final class Sitemaps {

    static final String SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9";
    static final String NEWS_NS = "http://www.google.com/schemas/sitemap-news/0.9";
    /** A news sitemap lists what was published in the last two days (Google's rule). */
    static final long NEWS_HOURS = 48;
    /** Google reads at most 1,000 news entries per sitemap. */
    static final int NEWS_LIMIT = 1000;

    static final String NEWS_LANGUAGE = "zh-cn";
    private static final DateTimeFormatter W3C = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");
    private static final XMLOutputFactory XML = XMLOutputFactory.newFactory();

    private Sitemaps() {}

    /** Page 1 is always listed (it holds the home page), so even an empty site's index is valid. */
    static String index(String base, List<SitemapStore.Page> stored, Instant now) {
        List<SitemapStore.Page> pages = new ArrayList<>(stored);
        if (pages.isEmpty() || pages.get(0).number() != 0) {
            pages.add(0, new SitemapStore.Page(0, now));
        }
        return write(xml -> {
            xml.writeStartElement("sitemapindex");
            xml.writeDefaultNamespace(SITEMAP_NS);
            for (SitemapStore.Page page : pages) {
                xml.writeStartElement("sitemap");
                element(xml, "loc", base + "/sitemap.xml?page=" + (page.number() + 1));
                element(xml, "lastmod", utc(page.lastModified()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    /** The first page always holds the home page too, so it is never empty (the schema wants one url). */
    static String urlset(Site site, List<SitemapStore.Entry> entries, boolean first) {
        return write(xml -> {
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            if (first) {
                xml.writeStartElement("url");
                element(xml, "loc", site.home());
                element(xml, "changefreq", "always");
                xml.writeEndElement();
            }
            for (SitemapStore.Entry e : entries) {
                xml.writeStartElement("url");
                element(xml, "loc", site.articleHref(e.slug()));
                element(xml, "lastmod", utc(e.updated()));
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    static String news(Site site, List<SitemapStore.Entry> entries) {
        return write(xml -> {
            xml.setPrefix("news", NEWS_NS);
            xml.writeStartElement("urlset");
            xml.writeDefaultNamespace(SITEMAP_NS);
            xml.writeNamespace("news", NEWS_NS);
            for (SitemapStore.Entry e : entries) {
                xml.writeStartElement("url");
                element(xml, "loc", site.articleHref(e.slug()));
                xml.writeStartElement(NEWS_NS, "news");
                xml.writeStartElement(NEWS_NS, "publication");
                xml.writeStartElement(NEWS_NS, "name");
                xml.writeCharacters(Site.NAME);
                xml.writeEndElement();
                xml.writeStartElement(NEWS_NS, "language");
                xml.writeCharacters(NEWS_LANGUAGE);
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeStartElement(NEWS_NS, "publication_date");
                xml.writeCharacters(W3C.format(e.published()));
                xml.writeEndElement();
                xml.writeStartElement(NEWS_NS, "title");
                xml.writeCharacters(e.title());
                xml.writeEndElement();
                xml.writeEndElement();
                xml.writeEndElement();
            }
            xml.writeEndElement();
        });
    }

    static Instant newsSince(Instant now) {
        return now.minus(NEWS_HOURS, ChronoUnit.HOURS);
    }

    static String robots(String base) {
        return "User-agent: *\n"
                + "Allow: /\n"
                + "Disallow: /api/\n"
                + "Disallow: /search\n"
                + "\n"
                + "Sitemap: " + base + "/sitemap.xml\n"
                + "Sitemap: " + base + "/sitemap-news.xml\n";
    }

    private static String utc(Instant t) {
        return W3C.format(OffsetDateTime.ofInstant(t.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC));
    }

    private interface Body {
        void write(XMLStreamWriter xml) throws XMLStreamException;
    }

    private static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
        xml.writeStartElement(name);
        xml.writeCharacters(text);
        xml.writeEndElement();
    }

    private static String write(Body body) {
        StringWriter out = new StringWriter();
        try {
            XMLStreamWriter xml = XML.createXMLStreamWriter(out);
            xml.writeStartDocument("UTF-8", "1.0");
            body.write(xml);
            xml.writeEndDocument();
            xml.close();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Writing XML to a string does not fail", e);
        }
        return out.toString();
    }
}
