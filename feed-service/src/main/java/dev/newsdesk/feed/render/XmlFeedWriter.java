package dev.newsdesk.feed.render;

import java.io.ByteArrayOutputStream;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

/**
 * The streaming XML writer both XML formats use: the writer escapes text and attribute values
 * exactly once, so no markup is ever assembled from strings. Null values are skipped, which
 * keeps optional elements out of the document instead of empty.
 */
final class XmlFeedWriter implements AutoCloseable {

    private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

    private final ByteArrayOutputStream bytes = new ByteArrayOutputStream(16 * 1024);
    private final XMLStreamWriter xml;

    XmlFeedWriter() {
        try {
            xml = FACTORY.createXMLStreamWriter(bytes, "UTF-8");
            xml.writeStartDocument("UTF-8", "1.0");
        } catch (XMLStreamException e) {
            throw new IllegalStateException("No XML writer", e);
        }
    }

    XMLStreamWriter xml() {
        return xml;
    }

    /** {@code <name>text</name>} in no namespace or the default one; nothing when text is null. */
    void element(String name, String text) throws XMLStreamException {
        if (text != null) {
            xml.writeStartElement(name);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }
    }

    /** {@code <prefix:name>text</prefix:name>}; nothing when text is null. */
    void element(String prefix, String namespace, String name, String text) throws XMLStreamException {
        if (text != null) {
            xml.writeStartElement(prefix, name, namespace);
            xml.writeCharacters(text);
            xml.writeEndElement();
        }
    }

    void attribute(String name, Object value) throws XMLStreamException {
        if (value != null) {
            xml.writeAttribute(name, value.toString());
        }
    }

    byte[] finish() throws XMLStreamException {
        xml.writeEndDocument();
        xml.flush();
        return bytes.toByteArray();
    }

    @Override
    public void close() {
        try {
            xml.close();
        } catch (XMLStreamException e) {
            // closing a writer over a byte array cannot fail in a way that matters
        }
    }
}
