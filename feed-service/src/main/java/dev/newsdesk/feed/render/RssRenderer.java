package dev.newsdesk.feed.render;

import dev.newsdesk.feed.model.Feed;
import dev.newsdesk.feed.model.FeedItem;
import javax.xml.stream.XMLStreamException;

/**
 * RSS 2.0 (https://www.rssboard.org/rss-specification) with the extensions readers expect:
 * {@code content:encoded} for the full body, {@code atom:link} for self, hub and RFC 5005 paging,
 * {@code dc:creator} for the source, and {@code media:content} for the lead image.
 *
 * <p>The lead image is a {@code media:content}, not an {@code enclosure}: RSS requires an
 * enclosure's {@code length} in bytes, which nobody here knows without downloading the image,
 * and a made-up length misleads podcast-style clients; Media RSS carries type and pixel size and
 * lets the byte size be absent.
 */
public final class RssRenderer implements FeedRenderer {

    static final String ATOM = "http://www.w3.org/2005/Atom";
    static final String CONTENT = "http://purl.org/rss/1.0/modules/content/";
    static final String DC = "http://purl.org/dc/elements/1.1/";
    static final String MEDIA = "http://search.yahoo.com/mrss/";

    @Override
    public FeedFormat format() {
        return FeedFormat.RSS;
    }

    @Override
    public byte[] render(Feed feed) {
        String file = format().file();
        try (XmlFeedWriter w = new XmlFeedWriter()) {
            var xml = w.xml();
            xml.writeStartElement("rss");
            xml.writeAttribute("version", "2.0");
            xml.writeNamespace("atom", ATOM);
            xml.writeNamespace("content", CONTENT);
            xml.writeNamespace("dc", DC);
            xml.writeNamespace("media", MEDIA);
            xml.writeStartElement("channel");
            w.element("title", feed.title());
            w.element("link", feed.pageUrl());
            w.element("description", feed.description());
            w.element("lastBuildDate", FeedDates.rfc822(feed.updated()));
            w.element("generator", "newsdesk feed-service");
            atomLink(w, "self", feed.selfUrl(file), FeedFormat.RSS.mediaType());
            atomLink(w, "next", feed.nextUrl(file), FeedFormat.RSS.mediaType());
            atomLink(w, "previous", feed.previousUrl(file), FeedFormat.RSS.mediaType());
            atomLink(w, "hub", feed.hubUrl(), null);
            for (FeedItem item : feed.items()) {
                item(w, item);
            }
            xml.writeEndElement();
            xml.writeEndElement();
            return w.finish();
        } catch (XMLStreamException e) {
            throw new IllegalStateException("Cannot write RSS for " + feed.key(), e);
        }
    }

    private static void item(XmlFeedWriter w, FeedItem item) throws XMLStreamException {
        var xml = w.xml();
        xml.writeStartElement("item");
        w.element("title", item.title());
        w.element("link", item.url());
        xml.writeStartElement("guid");
        xml.writeAttribute("isPermaLink", "false");
        xml.writeCharacters(item.guid());
        xml.writeEndElement();
        w.element("pubDate", FeedDates.rfc822(item.published()));
        w.element("description", item.summary());
        w.element("content", CONTENT, "encoded", item.contentHtml());
        w.element("dc", DC, "creator", item.sourceName());
        for (String category : item.categories()) {
            w.element("category", category);
        }
        for (String tag : item.tags()) {
            w.element("category", tag);
        }
        if (item.image() != null) {
            xml.writeEmptyElement("media", "content", MEDIA);
            xml.writeAttribute("url", item.image().url());
            xml.writeAttribute("type", item.image().type());
            xml.writeAttribute("medium", "image");
            w.attribute("width", item.image().width());
            w.attribute("height", item.image().height());
        }
        xml.writeEndElement();
    }

    private static void atomLink(XmlFeedWriter w, String rel, String href, String type) throws XMLStreamException {
        if (href == null) {
            return;
        }
        var xml = w.xml();
        xml.writeEmptyElement("atom", "link", ATOM);
        xml.writeAttribute("rel", rel);
        xml.writeAttribute("href", href);
        w.attribute("type", type == null ? null : type.replace("; charset=utf-8", ""));
    }
}
