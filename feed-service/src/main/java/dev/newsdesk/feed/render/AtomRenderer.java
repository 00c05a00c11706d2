package dev.newsdesk.feed.render;

import dev.newsdesk.feed.model.Feed;
import dev.newsdesk.feed.model.FeedItem;
import javax.xml.stream.XMLStreamException;

/**
 * Atom 1.0 (RFC 4287): {@code content type="html"} with the full body, {@code published} and
 * {@code updated} in RFC 3339, {@code rel="self"} and {@code rel="alternate"} links, RFC 5005
 * {@code next}/{@code previous} and the WebSub {@code hub}. The feed-level author satisfies
 * RFC 4287's rule that every entry has one; an entry with a source names it as its own author.
 */
public final class AtomRenderer implements FeedRenderer {

    static final String ATOM = "http://www.w3.org/2005/Atom";

    @Override
    public FeedFormat format() {
        return FeedFormat.ATOM;
    }

    @Override
    public byte[] render(Feed feed) {
        String file = format().file();
        String type = "application/atom+xml";
        try (XmlFeedWriter w = new XmlFeedWriter()) {
            var xml = w.xml();
            xml.setDefaultNamespace(ATOM);
            xml.writeStartElement(ATOM, "feed");
            xml.writeDefaultNamespace(ATOM);
            w.element("id", feed.key().urn() + (feed.page() > 1 ? ":page:" + feed.page() : ""));
            text(w, "title", feed.title());
            text(w, "subtitle", feed.description());
            w.element("updated", FeedDates.rfc3339(feed.updated()));
            link(w, "self", feed.selfUrl(file), type);
            link(w, "alternate", feed.pageUrl(), "text/html");
            link(w, "next", feed.nextUrl(file), type);
            link(w, "previous", feed.previousUrl(file), type);
            link(w, "hub", feed.hubUrl(), null);
            xml.writeStartElement("author");
            w.element("name", "newsdesk");
            xml.writeEndElement();
            w.element("generator", "newsdesk feed-service");
            for (FeedItem item : feed.items()) {
                entry(w, item);
            }
            xml.writeEndElement();
            return w.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write Atom for " + feed.key(), e);
        }
    }

    private static void entry(XmlFeedWriter w, FeedItem item) throws XMLStreamException {
        var xml = w.xml();
        xml.writeStartElement("entry");
        w.element("id", item.guid());
        text(w, "title", item.title());
        link(w, "alternate", item.url(), "text/html");
        w.element("published", FeedDates.rfc3339(item.published()));
        w.element("updated", FeedDates.rfc3339(item.updated()));
        if (item.sourceName() != null) {
            xml.writeStartElement("author");
            w.element("name", item.sourceName());
            w.element("uri", item.sourceUrl());
            xml.writeEndElement();
        }
        for (String category : item.categories()) {
            category(w, category);
        }
        for (String tag : item.tags()) {
            category(w, tag);
        }
        if (item.summary() != null) {
            text(w, "summary", item.summary());
        }
        if (item.contentHtml() != null) {
            xml.writeStartElement("content");
            xml.writeAttribute("type", "html");
            xml.writeCharacters(item.contentHtml());
            xml.writeEndElement();
        }
        if (item.image() != null) {
            xml.writeEmptyElement("link");
            xml.writeAttribute("rel", "enclosure");
            xml.writeAttribute("href", item.image().url());
            xml.writeAttribute("type", item.image().type());
        }
        xml.writeEndElement();
    }

    private static void text(XmlFeedWriter w, String name, String value) throws XMLStreamException {
        if (value != null) {
            w.xml().writeStartElement(name);
            w.xml().writeAttribute("type", "text");
            w.xml().writeCharacters(value);
            w.xml().writeEndElement();
        }
    }

    private static void category(XmlFeedWriter w, String term) throws XMLStreamException {
        w.xml().writeEmptyElement("category");
        w.xml().writeAttribute("term", term);
    }

    private static void link(XmlFeedWriter w, String rel, String href, String type) throws XMLStreamException {
        if (href != null) {
            w.xml().writeEmptyElement("link");
            w.xml().writeAttribute("rel", rel);
            w.xml().writeAttribute("href", href);
            w.attribute("type", type);
        }
    }
}
